// The one part of unzipper (ExcelJS's own zip reader) the import uses; the package has no types.
declare module 'unzipper' {
  import type { Duplex } from 'node:stream';

  const unzipper: { Parse(options?: { forceStream?: boolean }): Duplex };
  export default unzipper;
}
