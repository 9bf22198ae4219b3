/** A small labelled pill: a lead's provider, status or source. The label is text, never colour alone. */
export interface BadgeProps {
  kind: 'provider' | 'status' | 'source' | 'tag';
  /** The enum value, e.g. TESSELYS; styles key on it. */
  value: string;
  label: string;
}

export function Badge({ kind, value, label }: BadgeProps) {
  return (
    <span className={`badge badge-${kind}`} data-value={value}>
      <span className="visually-hidden">{kind}: </span>
      {label}
    </span>
  );
}
