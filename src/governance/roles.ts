/** The roles a Tributary account can hold: one per account, set locally or mapped from an OIDC claim. */
import { z } from 'zod';

export const ROLES = ['practitioner', 'supervisor', 'analyst', 'ig_lead', 'uploader', 'admin'] as const;

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** How each role is named on screen and what it is for. */
export const roleLabels: Record<Role, { name: string; purpose: string }> = {
  practitioner: {
    name: 'Practitioner',
    purpose: 'Works a worklist of young people who may need support, records decisions and plans.',
  },
  supervisor: {
    name: 'Supervisor',
    purpose: 'Allocates cases and sees the team’s workload and outcomes.',
  },
  analyst: {
    name: 'Linkage analyst',
    purpose: 'Onboards datasets, runs linkage, clears the clerical review queue and checks quality.',
  },
  ig_lead: {
    name: 'Information governance lead',
    purpose: 'Defines agreements and purposes, approves models, audits access and answers rights requests.',
  },
  uploader: {
    name: 'Agency uploader',
    purpose: 'Sends the agency’s monthly extract and sees what happened to it.',
  },
  admin: {
    name: 'Administrator',
    purpose: 'Runs the service: accounts, configuration and the health of the audit log.',
  },
};

/** Roles that belong to a team (worklists are a team's). */
export const teamRoles: readonly Role[] = ['practitioner', 'supervisor'];

/** Roles that belong to an agency (they act for it). */
export const agencyRoles: readonly Role[] = ['uploader'];
