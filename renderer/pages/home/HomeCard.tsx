/** One 首页 card: what it lists, how many, why it could not be read, and the list itself. */
import type { ReactNode } from 'react';
import { FormError } from '../../components/FormError';

interface Props {
  title: string;
  count: string;
  error: string | null;
  testId: string;
  children: ReactNode;
}

export function HomeCard({ title, count, error, testId, children }: Props) {
  return (
    <div className="home-card" data-testid={testId}>
      <h2>
        {title}
        <span className="home-count">{count}</span>
      </h2>
      <FormError message={error} />
      {children}
    </div>
  );
}
