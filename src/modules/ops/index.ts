/**
 * The ops module's public surface: running the installation. Readiness and doctor checks of the
 * platform (`readinessChecks`, `platformDoctorChecks`) and the doctor report, the system-info
 * route, and the demo world the first embedded start and `spareflow seed --demo` create (its
 * logins, `demoLogins`, are printed by every start while it exists).
 */
export { platformDoctorChecks, readinessChecks } from './platform-checks.js';
export { formatDoctorReport, runDoctor } from './doctor.service.js';
export { systemInfo } from './system-info.service.js';
export { registerSystemInfoRoutes } from './system-info.routes.js';
export {
  demoLogins,
  isDemoWorldSeeded,
  seedDemoWorld,
  type DemoLogin,
  type DemoWorldSeed,
} from './demo-world.service.js';
export { seedDemoWallets, type DemoWalletDeps } from './demo-wallets.service.js';
