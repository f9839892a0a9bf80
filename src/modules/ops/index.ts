/**
 * The ops module's public surface: running the installation. Readiness and doctor checks of the
 * platform (`readinessChecks`, `platformDoctorChecks`) and the doctor report, the system-info
 * route, and the demo world the first embedded start and `spareflow seed --demo` create.
 */
export { platformDoctorChecks, readinessChecks } from './platform-checks.js';
export { formatDoctorReport, runDoctor } from './doctor.service.js';
export { systemInfo } from './system-info.service.js';
export { registerSystemInfoRoutes } from './system-info.routes.js';
export { isDemoWorldSeeded, seedDemoWorld, type DemoLogin } from './demo-world.service.js';
