/** The negotiation rules on their own: path suffix and Accept header to a format (sheet 6.1, 6.2). */
import { describe, expect, it } from 'vitest';
import { negotiate } from '../../src/http/negotiate.js';

const format = (path: string, accept?: string) => negotiate(path, accept).format;

describe('negotiate', () => {
  it('answers JSON when there is no Accept header and no suffix', () => {
    expect(negotiate('/customers/1', undefined)).toEqual({ format: 'json', path: '/customers/1' });
    expect(format('/customers/1', '')).toBe('json');
  });

  it('takes .json and .xml off the path and answers in that format', () => {
    expect(negotiate('/customers.json', undefined)).toEqual({ format: 'json', path: '/customers' });
    expect(negotiate('/customers/1.xml', undefined)).toEqual({ format: 'xml', path: '/customers/1' });
    expect(negotiate('/customers/count.xml', '*/*')).toEqual({ format: 'xml', path: '/customers/count' });
  });

  it('leaves other suffixes on the path for the router to refuse', () => {
    expect(negotiate('/customers.yaml', undefined)).toEqual({ format: 'json', path: '/customers.yaml' });
  });

  it('answers XML for Accept: application/xml, as node-bigcommerce and the PHP client send it', () => {
    expect(format('/customers', 'application/xml')).toBe('xml');
    expect(format('/customers.xml', 'application/xml')).toBe('xml');
  });

  it('lets an exact Accept type at full priority outrank the suffix', () => {
    expect(format('/customers.json', 'application/xml')).toBe('xml');
    expect(format('/customers.xml', 'application/json')).toBe('json');
    expect(format('/customers.xml', 'application/json; charset=utf-8')).toBe('json');
  });

  it('lets the suffix outrank wildcards and Accept types below full priority', () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    expect(format('/customers.json', browser)).toBe('json');
    expect(format('/customers.xml', 'application/json;q=0.9')).toBe('xml');
    expect(format('/customers.xml', 'application/*')).toBe('xml');
    expect(format('/customers.json', 'text/html')).toBe('json');
  });

  it('orders the remaining Accept ranges by q, the most specific range deciding each format', () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    expect(format('/customers', browser)).toBe('xml');
    expect(format('/customers', 'application/xml;q=0.5, application/json;q=0.4')).toBe('xml');
    expect(format('/customers', 'application/json;q=0.5, application/xml;q=0.4')).toBe('json');
    expect(format('/customers', '*/*;q=0.1, application/xml;q=0.2')).toBe('xml');
  });

  it('answers JSON when JSON and XML are equally acceptable', () => {
    expect(format('/customers', 'application/xml, application/json')).toBe('json');
    expect(format('/customers', 'application/xml;q=0.5, application/json;q=0.5')).toBe('json');
    expect(format('/customers', '*/*')).toBe('json');
    expect(format('/customers', 'application/*')).toBe('json');
    expect(format('/customers', 'application/json, text/plain, */*')).toBe('json');
  });

  it('never picks a format the client gives q=0, even against its suffix', () => {
    expect(format('/customers.xml', 'application/xml;q=0, application/json;q=0.5')).toBe('json');
    expect(format('/customers', '*/*, application/json;q=0')).toBe('xml');
    expect(format('/customers.xml', 'application/xml;q=0')).toBe('not-acceptable');
  });

  it('is not acceptable when Accept allows neither JSON nor XML and there is no suffix', () => {
    expect(format('/customers', 'text/html')).toBe('not-acceptable');
    expect(format('/customers', 'text/xml')).toBe('not-acceptable');
    expect(format('/customers', 'image/png, text/*')).toBe('not-acceptable');
    expect(format('/customers', '*/*;q=0')).toBe('not-acceptable');
  });

  it('reads Accept leniently: any case, spaces, empty entries, a malformed q as 1', () => {
    expect(format('/customers', ' Application/XML ; Q=1 ,, ')).toBe('xml');
    expect(format('/customers', 'application/xml;q=abc, application/json;q=0.9')).toBe('xml');
    expect(format('/customers', 'application/xml;q=, application/json;q=0.9')).toBe('xml');
    expect(format('/customers', 'application/json;q=7')).toBe('json');
    expect(format('/customers', ',;,')).toBe('not-acceptable');
  });

  it('serves JSON for any JSON media type, as the fake did before XML', () => {
    expect(format('/customers', 'application/vnd.api+json')).toBe('json');
    expect(format('/customers', 'text/json')).toBe('json');
  });
});
