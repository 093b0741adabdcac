import { httpStatusOf, isServerBusy } from '../../src/data/errors';

describe('isServerBusy', () => {
  it('recognises throttling (429) and a busy server (503), also after PnPjs gave up retrying', () => {
    expect(isServerBusy(Object.assign(new Error('x'), { status: 429 }))).toBe(true);
    expect(isServerBusy(Object.assign(new Error('x'), { status: 503 }))).toBe(true);
    expect(isServerBusy(new Error('Retry count exceeded (3) for this request. 429: Too Many Requests;'))).toBe(true);
  });

  it('leaves other failures to the general message', () => {
    expect(isServerBusy(Object.assign(new Error('x'), { status: 500 }))).toBe(false);
    expect(isServerBusy(Object.assign(new Error('x'), { status: 404 }))).toBe(false);
    expect(isServerBusy(new TypeError('Failed to fetch'))).toBe(false);
    expect(isServerBusy(new Error('Retry count exceeded (3) for this request. 500: Internal Server Error;'))).toBe(false);
    expect(httpStatusOf('not an error')).toBeUndefined();
  });
});
