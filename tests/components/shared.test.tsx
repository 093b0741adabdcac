import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { sanitizeHtml } from '../../src/components/sanitizeHtml';
import { RichText } from '../../src/components/RichText';
import { EmptyView, ErrorView, LoadingView } from '../../src/components/StatusView';
import { useReportData, IReportDataState } from '../../src/components/useReportData';
import { IOrgRepository } from '../../src/data/IOrgRepository';
import { FakeRepository } from '../helpers/fakeRepository';
import { loadSeedData } from '../helpers/seedData';

function parse(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('sanitizeHtml', () => {
  it('drops scripts, event handlers and styles but keeps formatting', () => {
    const out = parse(sanitizeHtml('<p onclick="x()">Tekst <b>vet</b><script>alert(1)</script><img src=x onerror=alert(1)><style>p{}</style><iframe src="https://x"></iframe></p>'));
    expect(out.querySelector('script, style, iframe')).toBeNull();
    expect(out.querySelector('[onclick], [onerror]')).toBeNull();
    expect(out.querySelector('b')).toHaveTextContent('vet');
    expect(out).toHaveTextContent('Tekst vet');
  });

  it('removes javascript:, data: and vbscript: links, also when obfuscated', () => {
    const out = parse(
      sanitizeHtml(
        '<a href="javascript:alert(1)">a</a><a href=" JAVASCRIPT:alert(1)">b</a><a href="java&#09;script:alert(1)">c</a>' +
          '<a href="data:text/html;base64,PHNjcmlwdD4=">d</a><a href="vbscript:msgbox">e</a>'
      )
    );
    const links = Array.prototype.slice.call(out.querySelectorAll('a')) as HTMLAnchorElement[];
    expect(links).toHaveLength(5);
    for (const a of links) expect(a.getAttribute('href')).toBeNull();
  });

  it('opens safe links in a new window without opener', () => {
    const out = parse(sanitizeHtml('<a href="https://www.mechelen.be" target="_self">x</a><a href="mailto:ic@mechelen.be">y</a><a href="/sites/x/Lists/Acties">z</a>'));
    const [a, b, c] = Array.prototype.slice.call(out.querySelectorAll('a')) as HTMLAnchorElement[];
    expect(a.getAttribute('href')).toBe('https://www.mechelen.be');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(b.getAttribute('href')).toBe('mailto:ic@mechelen.be');
    expect(c.getAttribute('href')).toBe('/sites/x/Lists/Acties');
  });

  it('is empty for nothing', () => {
    expect(sanitizeHtml(undefined)).toBe('');
    expect(sanitizeHtml('')).toBe('');
  });
});

describe('RichText', () => {
  it('renders plain text with its line breaks as text, never as HTML', () => {
    const { container } = render(<RichText value={'Regel 1\nRegel 2 & <b'} />);
    expect(container.firstChild).toHaveTextContent('Regel 1 Regel 2 & <b');
    expect((container.firstChild as HTMLElement).style.whiteSpace).toBe('pre-line');
    expect(container.querySelector('b')).toBeNull();
  });

  it('renders rich text sanitised', () => {
    const { container } = render(<RichText value={'<p>Goed <em>zo</em><img src=x onerror="window.__x=1"></p>'} />);
    expect(container.querySelector('em')).toHaveTextContent('zo');
    expect(container.querySelector('[onerror]')).toBeNull();
  });

  it('renders nothing for an empty value', () => {
    const { container } = render(<RichText value={'   '} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('status views', () => {
  it('loading view announces itself and draws placeholders', () => {
    render(<LoadingView label="Laden…" blocks={2} />);
    const view = screen.getByRole('status');
    expect(view).toHaveTextContent('Laden…');
    expect(view).toHaveAttribute('aria-busy', 'true');
  });

  it('error view folds the technical detail and retries', async () => {
    const retry = jest.fn();
    const err = Object.assign(new Error('Throttled'), { status: 429 });
    const { container } = render(<ErrorView message="Mislukt." retryLabel="Opnieuw proberen" detailsLabel="Technische details" error={err} onRetry={retry} />);
    // MessageBar delays its text a tick so screen readers announce it.
    expect(await screen.findByText('Mislukt.')).toBeInTheDocument();
    const details = container.querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details).toHaveTextContent('HTTP 429 — Throttled');
    fireEvent.click(screen.getByText('Opnieuw proberen'));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('empty view says what to do and offers the action only with a callback', () => {
    const act1 = jest.fn();
    const { rerender } = render(<EmptyView title="Leeg" message="Voeg een domein toe." actionLabel="Lijst openen" onAction={act1} />);
    expect(screen.getByRole('region', { name: 'Leeg' })).toHaveTextContent('Voeg een domein toe.');
    fireEvent.click(screen.getByText('Lijst openen'));
    expect(act1).toHaveBeenCalled();
    rerender(<EmptyView title="Leeg" message="Vraag de coördinator." actionLabel="Lijst openen" />);
    expect(screen.queryByText('Lijst openen')).toBeNull();
  });
});

describe('useReportData', () => {
  let last: IReportDataState | undefined;
  function Probe(props: { repository: IOrgRepository }): JSX.Element {
    last = useReportData(props.repository);
    return <div>{last.data ? `${last.data.actions.length} acties` : 'geen data'}</div>;
  }

  it('paints the cache without a request, then revalidates', async () => {
    const repo = new FakeRepository(loadSeedData(), { cached: loadSeedData(), holdLoads: true });
    const loadAtFirstRender: number[] = [];
    function Spy(): JSX.Element {
      loadAtFirstRender.push(repo.calls.load);
      return <Probe repository={repo} />;
    }
    render(<Spy />);
    expect(loadAtFirstRender[0]).toBe(0);
    expect(screen.getByText('170 acties')).toBeInTheDocument();
    expect(last!.refreshing).toBe(true);
    expect(last!.loading).toBe(false);
    expect(repo.calls.load).toBe(1);
    await act(async () => repo.release());
    expect(last!.refreshing).toBe(false);
  });

  it('without cache is loading, then has data', async () => {
    const repo = new FakeRepository(loadSeedData());
    render(<Probe repository={repo} />);
    expect(last!.loading).toBe(true);
    await screen.findByText('170 acties');
    expect(last!.loading).toBe(false);
    expect(last!.error).toBeUndefined();
  });

  it('keeps the data when a reload fails, and clears the error on the next success', async () => {
    const repo = new FakeRepository(loadSeedData());
    render(<Probe repository={repo} />);
    await screen.findByText('170 acties');
    repo.failNextLoads(1);
    act(() => last!.reload());
    await waitFor(() => expect(last!.error).toBeDefined());
    expect(screen.getByText('170 acties')).toBeInTheDocument();
    act(() => last!.reload());
    await waitFor(() => expect(last!.error).toBeUndefined());
    expect(repo.calls.load).toBe(3);
  });

  it('ignores an older answer that arrives after a newer one', async () => {
    const repo = new FakeRepository(loadSeedData(), { holdLoads: true });
    render(<Probe repository={repo} />);
    repo.data.actions = repo.data.actions.slice(0, 5);
    act(() => last!.reload());
    expect(repo.calls.load).toBe(2);
    // The second request (5 actions) answers first, then the first, stale one (170).
    await act(async () => repo.release(1));
    await screen.findByText('5 acties');
    await act(async () => repo.release(0));
    expect(screen.getByText('5 acties')).toBeInTheDocument();
  });

  it('starts over for another data site', async () => {
    const a = new FakeRepository(loadSeedData());
    const data = loadSeedData();
    data.actions = data.actions.slice(0, 3);
    const b = new FakeRepository(data, { holdLoads: true });
    const { rerender } = render(<Probe repository={a} />);
    await screen.findByText('170 acties');
    rerender(<Probe repository={b} />);
    await waitFor(() => expect(screen.getByText('geen data')).toBeInTheDocument());
    await act(async () => b.release());
    await screen.findByText('3 acties');
  });
});
