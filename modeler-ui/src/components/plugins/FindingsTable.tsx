import type { TrustFinding } from '../../api/types';
import { ruleText } from './trustRules';

export interface FindingsTableProps {
  findings: readonly TrustFinding[];
  /** The accessible name of the table ("Forbidden calls in Email"). */
  label: string;
}

/** The forbidden calls the bytecode verifier found: where (class and method), what is called, and which rule it breaks. */
export function FindingsTable({ findings, label }: FindingsTableProps) {
  return (
    <table aria-label={label} className="w-full text-xs">
      <thead className="border-b border-border text-left text-muted">
        <tr>
          <th className="px-2 py-1 font-medium">Where (class.method)</th>
          <th className="px-2 py-1 font-medium">Calls</th>
          <th className="px-2 py-1 font-medium">Rule</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-border">
        {findings.map((finding, i) => (
          <tr key={i} data-rule={finding.rule} className="align-top">
            <td className="px-2 py-1 break-all" data-column="location">
              {finding.location}
            </td>
            <td className="px-2 py-1 break-all" data-column="call">
              {finding.call}
            </td>
            <td className="px-2 py-1" data-column="rule">
              {finding.rule && <span className="font-medium">{finding.rule}</span>}
              {finding.rule && <span className="block text-muted">{ruleText(finding.rule)}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
