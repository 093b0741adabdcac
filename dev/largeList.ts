/**
 * The extra actions of the scale runs (bench and the 50,170-action tests): 2/3 realised
 * 2010-2022, 1/3 planned for 2023, spread over the seven domains.
 */
export function largeListActions(count: number): Record<string, unknown>[] {
  const bodies: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const realised = i % 3 !== 0;
    bodies.push({
      Title: `Actie ${i + 1}`,
      DomeinenId: [(i % 7) + 1],
      ActieStatus: realised ? 'Gerealiseerd' : 'Gepland',
      JaarGerealiseerd: realised ? 2010 + (i % 13) : null,
      JaarGepland: realised ? null : 2023,
      Beschrijving: 'Beschrijving van de actie, zoals in het voortgangsrapport.'
    });
  }
  return bodies;
}
