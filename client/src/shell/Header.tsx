import type { Me } from '../session/api';

const ROLE_LABELS: Record<string, string> = {
  owner: 'Owner',
  manager: 'Manager',
  front_desk: 'Front desk',
  technician: 'Technician',
  customer: 'Customer',
};

export function Header(props: { me: Me; offline: boolean; onSwitchBiz(bizId: string): void; onSignOut(): void }) {
  const { me } = props;
  return (
    <header className="app-header">
      <strong className="brand">Bizing</strong>
      <label className="biz-switcher">
        <span className="visually-hidden">Business</span>
        <select
          aria-label="Business"
          value={me.activeBizId ?? ''}
          disabled={props.offline || me.memberships.length < 2}
          onChange={(e) => props.onSwitchBiz(e.target.value)}
        >
          {me.memberships.map((m) => (
            <option key={m.bizId} value={m.bizId}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <span className="role" data-testid="role">
        {me.role ? ROLE_LABELS[me.role] : 'No role'}
      </span>
      <span className={`connection ${props.offline ? 'offline' : 'online'}`} role="status" data-testid="connection">
        {props.offline ? 'Offline' : 'Online'}
      </span>
      <span className="user">{me.user.name || me.user.email}</span>
      <button type="button" onClick={props.onSignOut}>
        Sign out
      </button>
    </header>
  );
}
