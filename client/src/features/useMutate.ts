/** Runs a named mutation on the device and reports a human sentence when even the local run fails. */
import { useCallback, useState } from 'react';
import { AppError } from '../../../shared/errors';
import { useStore } from '../db/StoreProvider';

export function useMutate() {
  const { store } = useStore();
  const [error, setError] = useState<string | null>(null);
  const mutate = useCallback(
    async (name: string, args: unknown) => {
      setError(null);
      try {
        await store.mutate(name, args);
        return true;
      } catch (err) {
        setError(err instanceof AppError ? err.message : String(err));
        return false;
      }
    },
    [store],
  );
  return { mutate, error, clearError: () => setError(null) };
}
