import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lastNumber, parseNumberBytes } from '../../../../src/core/io/csvNumber';

function parse(s: string): { v: number; canonical: boolean; fractional: boolean } {
  const b = Buffer.from(`x${s}y`, 'latin1');
  const v = parseNumberBytes(b, 1, b.length - 1);
  return { v, canonical: lastNumber.canonical, fractional: lastNumber.fractional };
}

test('parseNumberBytes equals JavaScript parsing on valid numbers', () => {
  const texts = ['0', '1', '-1', '42', '3.14', '-0.001', '1e3', '1E-7', '+5', '.5', '5.', '123456789012345', '9007199254740993',
    '0.1', '0.30000000000000004', '1.7976931348623157e308', '5e-324', '4.9e-325', '123.456e-2', '00012', '1e400', ' 7 ', '\t8'];
  for (const t of texts) assert.equal(parse(t).v, Number(t.trim()), t);
  assert.equal(parse('inf').v, Infinity);
  assert.equal(parse('-Infinity').v, -Infinity);
});

test('parseNumberBytes rejects what is not a number', () => {
  for (const t of ['', ' ', '-', '+', '.', 'e5', '1e', '1e+', '1.2.3', '118 min', '$3', '1,5', 'NaN', 'nan', '0x10', '1_000', '--1', 'abc']) {
    assert.ok(Number.isNaN(parse(t).v), JSON.stringify(t));
  }
});

test('canonical: only texts that String(value) prints back, and all the common ones', () => {
  // Soundness matters (a false "canonical" would corrupt re-typed texts); a false "not canonical" only costs a re-read.
  const texts = ['1.50', '007', '+3', '1e3', '-0', '2.0', ' 4', '.5', '5.', '0.0000001', '1234567890123456', '-0.0', 'inf', '1e21'];
  for (const t of texts) {
    const r = parse(t);
    if (r.canonical) assert.equal(String(r.v), t, t);
  }
  for (const t of ['0', '7', '-7', '3.14', '0.5', '100', '123456789012345', '0.000001', '-12.25', '99.99']) {
    const r = parse(t);
    assert.ok(r.canonical, t);
    assert.equal(String(r.v), t);
  }
  for (const t of ['1.50', '007', '+3', '1e3', '-0', '2.0', ' 4', '.5', '5.']) assert.equal(parse(t).canonical, false, t);
  assert.equal(parse('12').fractional, false);
  assert.equal(parse('12.0').fractional, true);
  assert.equal(parse('12e0').fractional, true);
});
