/** Counts of a property's two outcomes; once the describe's tests ran, both must have happened. */
export function bothOutcomes<Name extends string>(first: Name, second: Name): Record<Name, number> {
  const outcomes = { [first]: 0, [second]: 0 } as Record<Name, number>;
  afterAll(() => {
    // Both branches of the property were exercised.
    expect(outcomes[first]).toBeGreaterThan(0);
    expect(outcomes[second]).toBeGreaterThan(0);
  });
  return outcomes;
}
