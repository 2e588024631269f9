import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  collectToken,
  parseCount,
  parseDuration,
  parseHttpUrl,
  parseInteger,
  parsePort,
  parsePowerOfTwo,
  parseRateLimit,
  parseStoreHash,
} from '../../src/commands/option-values.js';

describe('option values', () => {
  it.each([
    ['150/30s', { quota: 150, windowMs: 30_000 }],
    ['450/30', { quota: 450, windowMs: 30_000 }],
    ['10/500ms', { quota: 10, windowMs: 500 }],
    ['1000/1m', { quota: 1000, windowMs: 60_000 }],
  ])('reads the rate limit %s', (given, want) => {
    expect(parseRateLimit(given)).toEqual(want);
  });

  it.each(['150', '0/30s', '150/0s', '150/30h', '/30s', '1.5/30s'])('rejects the rate limit %j', (given) => {
    expect(() => parseRateLimit(given)).toThrow(InvalidArgumentError);
  });

  it.each([
    [parsePort, '0', 0],
    [parsePort, '65535', 65535],
    [parseCount, '0', 0],
    [parseCount, '1000', 1000],
    [parseInteger, '-3', -3],
    [parsePowerOfTwo, '16', 16],
    [parsePowerOfTwo, '16384', 16384],
    [parseStoreHash, 'abc_123-X', 'abc_123-X'],
    [parseHttpUrl, 'http://127.0.0.1:4010/', 'http://127.0.0.1:4010'],
    [parseHttpUrl, 'https://api.bigcommerce.com', 'https://api.bigcommerce.com'],
    [parseDuration, '90', 90_000],
    [parseDuration, '90s', 90_000],
    [parseDuration, '5m', 300_000],
    [parseDuration, '500ms', 500],
  ] as const)('%o reads %j as %j', (parse, given, want) => {
    expect(parse(given)).toBe(want);
  });

  it.each([
    [parsePort, '65536'],
    [parsePort, '-1'],
    [parsePort, '80.5'],
    [parseCount, '-1'],
    [parseCount, '1e3'],
    [parseInteger, '1.5'],
    [parsePowerOfTwo, '1'],
    [parsePowerOfTwo, '24'],
    [parseStoreHash, ''],
    [parseStoreHash, 'a'.repeat(65)],
    [parseHttpUrl, '127.0.0.1:4010'],
    [parseHttpUrl, 'ftp://example.com'],
    [parseHttpUrl, 'not a url'],
    [parseDuration, '0s'],
    [parseDuration, '1h'],
    [parseDuration, '-5'],
    [parseDuration, 'soon'],
  ] as const)('%o rejects %j', (parse, given) => {
    expect(() => parse(given)).toThrow(InvalidArgumentError);
  });

  it('collects repeated tokens in order and rejects one with a space', () => {
    expect(collectToken('b', collectToken('a', undefined))).toEqual(['a', 'b']);
    expect(() => collectToken('a b', undefined)).toThrow(InvalidArgumentError);
  });
});
