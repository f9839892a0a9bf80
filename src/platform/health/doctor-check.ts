export type DoctorStatus = 'ok' | 'info' | 'warn' | 'fail';

export interface DoctorFinding {
  status: DoctorStatus;
  detail: string;
}

/**
 * One line of `spareflow doctor`. Each capability contributes its own checks (configuration of its
 * integration, reachability, backlog…); a `fail` makes the command exit non-zero.
 */
export interface DoctorCheck {
  name: string;
  run(): Promise<DoctorFinding>;
}
