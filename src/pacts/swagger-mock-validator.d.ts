/** The part of @pactflow/swagger-mock-validator this kit uses (the package ships no type declarations). */
declare module '@pactflow/swagger-mock-validator' {
  /** One finding: where in the pact, where in the spec, and what is wrong. */
  export interface ValidationResult {
    code: string;
    message: string;
    type: 'error' | 'warning';
    source: string;
    mockDetails?: { interactionDescription?: string; location?: string; mockFile?: string; value?: unknown };
    specDetails?: {
      location?: string;
      pathMethod?: string;
      pathName?: string;
      specFile?: string;
      value?: unknown;
    };
  }

  /** The outcome of checking one pact against one spec. */
  export interface ValidationOutcome {
    success: boolean;
    failureReason?: string;
    errors: ValidationResult[];
    warnings: ValidationResult[];
  }

  /** Options of `validate`: files or URLs of the pact and the spec. */
  export interface ValidateOptions {
    mockPathOrUrl: string;
    specPathOrUrl: string;
    additionalPropertiesInResponse?: 'true' | 'false';
    requiredPropertiesInResponse?: 'true' | 'false';
  }

  export const SwaggerMockValidatorFactory: {
    create(auth?: string): { validate(options: ValidateOptions): Promise<ValidationOutcome> };
  };
}
