import { format } from '../../src/components/format';

describe('format', () => {
  it('fills numbered arguments and leaves unknown ones as they are', () => {
    expect(format('{0} van {1}', 3, 'x')).toBe('3 van x');
    expect(format('{0} en {2}', 1)).toBe('1 en {2}');
  });

  it('picks the singular for exactly one and the plural otherwise', () => {
    const t = "{0} op te volgen {0:hoog risico|hoge risico's} · {1} {1:realisatie|realisaties} in {2}";
    expect(format(t, 1, 1, 2022)).toBe('1 op te volgen hoog risico · 1 realisatie in 2022');
    expect(format(t, 0, 2, 2022)).toBe("0 op te volgen hoge risico's · 2 realisaties in 2022");
    expect(format('{0} van de 34 acties {0:is|zijn} gerealiseerd', '1')).toBe('1 van de 34 acties is gerealiseerd');
  });
});
