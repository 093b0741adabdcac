/**
 * The report's organisation is one setting of the data site (list Instellingen), set by
 * `npm run deploy --organisation` and by the cards' property pane; the data site's title
 * only when it is not set. What "Definitief maken" freezes shows which name was used.
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ReportActions } from '../../../src/webparts/domainCards/report/ReportActions';
import { FakeRepository, NO_MATURITY } from '../../helpers/fakeRepository';
import { loadSeedData } from '../../helpers/seedData';

const built: string[] = [];
jest.mock('../../../src/report/index', () => ({
  buildWordReport: async (_r: unknown, o: { organisation: string }) => {
    built.push(o.organisation);
    return new Uint8Array([1]);
  },
  buildSlideDeck: async (_r: unknown, o: { organisation: string }) => {
    built.push(o.organisation);
    return new Uint8Array([2]);
  },
  reportFileName: (year: number, kind: string) => `Voortgangsrapport ${year}.${kind}`
}));

async function finalisedOrganisation(repo: FakeRepository, organisationProperty?: string): Promise<string> {
  const finalise = jest.spyOn(repo, 'finaliseReport');
  render(<ReportActions repository={repo} maturity={NO_MATURITY} reportYear={2022} canEdit={true} canFinalise={true} organisation={organisationProperty} />);
  fireEvent.click(screen.getByRole('button', { name: 'Definitief maken' }));
  await screen.findByRole('dialog');
  fireEvent.click(screen.getAllByRole('button', { name: 'Definitief maken' }).slice(-1)[0]);
  await waitFor(() => expect(finalise).toHaveBeenCalledTimes(1));
  const files = finalise.mock.calls[0][1];
  return (JSON.parse(new TextDecoder().decode(files[2].content)) as { organisation: string }).organisation;
}

describe("the report's organisation", () => {
  beforeEach(() => {
    built.length = 0;
  });

  it("comes from the data site's setting Organisatie, before an older page property", async () => {
    const repo = new FakeRepository(loadSeedData());
    await repo.setOrganisation('Stad Mechelen');
    expect(await finalisedOrganisation(repo, 'Oude naam op de pagina')).toBe('Stad Mechelen');
    // Title page and footer of both documents get that one name.
    expect(built).toEqual(['Stad Mechelen', 'Stad Mechelen']);
  });

  it("is the data site's title when nothing is set, never a built-in city", async () => {
    const repo = new FakeRepository(loadSeedData());
    expect(await finalisedOrganisation(repo)).toBe('Organisatiebeheersing');
    expect(built.join(' ')).not.toMatch(/Mechelen/);
  });
});
