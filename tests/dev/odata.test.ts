/** @jest-environment ./tests/dev/environment.js */
import { evaluate, firstClause, memberPaths, parseFilter, parseOrderBy, ODataSyntaxError, IResolved } from '../../dev/server/odata';

const row: Record<string, unknown> = { Title: "O'Brien plan", Jaar: 2022, Actief: true, Leeg: null, Deadline: '2023-06-30T00:00:00Z' };
const resolve = (p: string[]): IResolved => (p[0] === 'Domeinen' ? { value: [1, 3], multi: true } : { value: row[p.join('/')] });
const test$ = (f: string): boolean => evaluate(parseFilter(f), resolve);

describe('$filter parser', () => {
  it('compares numbers, strings with escaped quotes, booleans as true/1 and nulls', () => {
    expect(test$('Jaar eq 2022')).toBe(true);
    expect(test$('Jaar gt 2022')).toBe(false);
    expect(test$("Title eq 'O''Brien plan'")).toBe(true);
    expect(test$("Title eq 'o''brien PLAN'")).toBe(true);
    expect(test$('Actief eq 1 and Actief eq true')).toBe(true);
    expect(test$('Leeg eq null and Jaar ne null')).toBe(true);
  });
  it('honours and/or/not precedence and parentheses', () => {
    expect(test$('Jaar eq 1 or Jaar eq 2022 and Actief eq false')).toBe(false);
    expect(test$('(Jaar eq 1 or Jaar eq 2022) and not (Actief eq false)')).toBe(true);
  });
  it('supports startswith, substringof and datetime literals', () => {
    expect(test$("startswith(Title,'O''B')")).toBe(true);
    expect(test$("substringof('plan',Title)")).toBe(true);
    expect(test$("Deadline lt datetime'2023-07-01T00:00:00Z'")).toBe(true);
    expect(test$("Deadline ge datetime'2023-07-01T00:00:00Z'")).toBe(false);
  });
  it('treats multi-valued lookups as contains', () => {
    expect(test$('Domeinen/Id eq 3')).toBe(true);
    expect(test$('Domeinen/Id eq 2')).toBe(false);
    expect(test$('Domeinen/Id ne 2')).toBe(true);
  });
  it('rejects malformed expressions with a syntax error', () => {
    for (const bad of ['Jaar eq', "Title eq 'open", 'Jaar eq 1)', '(Jaar eq 1', 'and Jaar eq 1', 'tolower(Title) eq 1', '']) {
      expect(() => parseFilter(bad)).toThrow(ODataSyntaxError);
    }
  });
  it('finds referenced columns and the first clause of an and-chain', () => {
    const tree = parseFilter("Status eq 'Open' and (Jaar eq 1 or Domein/Id eq 2)");
    expect(memberPaths(tree)).toEqual([['Status'], ['Jaar'], ['Domein', 'Id']]);
    expect(memberPaths(firstClause(tree))).toEqual([['Status']]);
  });
  it('parses $orderby keys with directions', () => {
    expect(parseOrderBy('Jaar desc, Title')).toEqual([{ path: ['Jaar'], desc: true }, { path: ['Title'], desc: false }]);
    expect(() => parseOrderBy('Jaar sideways')).toThrow(ODataSyntaxError);
  });
});
