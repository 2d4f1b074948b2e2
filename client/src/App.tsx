import { useEffect, useState } from 'react';

interface Health {
  ok: boolean;
  db: string;
  sync: string;
}

export function App() {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    fetch('/api/health')
      .then((r) => r.json() as Promise<Health>)
      .then(setHealth)
      .catch(() => setHealth(null));
  }, []);
  return (
    <main>
      <h1>Bizing</h1>
      <p data-testid="health">{health ? `server ok · database ${health.db} · sync ${health.sync}` : 'connecting…'}</p>
    </main>
  );
}
