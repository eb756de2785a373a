import { FetchClock } from './fetch-clock';

/** A clock the test moves by hand, in milliseconds. */
function handClock() {
  let ms = 0;
  return { now: () => BigInt(ms) * 1_000_000n, at: (to: number) => (ms = to) };
}

describe('FetchClock', () => {
  it('counts the moments with a fetch in flight once, however many overlap', () => {
    const time = handClock();
    const clock = new FetchClock(time.now);
    time.at(0);
    clock.fetchStarted(); // governance
    time.at(5);
    clock.fetchEnded();
    time.at(6);
    clock.fetchStarted(); // three departments side by side
    time.at(7);
    clock.fetchStarted();
    clock.fetchStarted();
    time.at(20);
    clock.fetchEnded();
    time.at(30);
    clock.fetchEnded();
    clock.fetchEnded();
    time.at(32);
    expect(clock.waitedSeconds).toBeCloseTo(0.029, 9);
    expect(clock.fetchCount).toBe(4);
  });

  it('includes a fetch still running', () => {
    const time = handClock();
    const clock = new FetchClock(time.now);
    expect(clock.waitedSeconds).toBe(0);
    time.at(10);
    clock.fetchStarted();
    time.at(14);
    expect(clock.waitedSeconds).toBeCloseTo(0.004, 9);
  });
});
