/** The names of the tables one linkage run creates, all under one prefix so runs can share a connection. */
export interface TableNames {
  readonly input: string;
  readonly records: string;
  readonly nicknames: string;
  readonly aliases: string;
  readonly tf: (column: string) => string;
  readonly uSample: string;
  /** Candidate pairs of record ids from the prediction blocking rules. */
  readonly candidates: string;
  readonly scored: string;
  readonly clusters: string;
}

export function tableNames(input: string, prefix = 'link_'): TableNames {
  return {
    input,
    records: `${prefix}records`,
    nicknames: `${prefix}nicknames`,
    aliases: `${prefix}aliases`,
    tf: (column) => `${prefix}tf_${column}`,
    uSample: `${prefix}u_sample`,
    candidates: `${prefix}candidates`,
    scored: `${prefix}scored`,
    clusters: `${prefix}clusters`,
  };
}
