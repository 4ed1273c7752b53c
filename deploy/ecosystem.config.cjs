// PM2: four identical processes on ports 3001-3004 behind nginx (deploy/nginx.conf).
//   pm2 start deploy/ecosystem.config.cjs && pm2 save
// Settings come from the environment PM2 is started with (source deploy/env/scale-out.env first), or edit `env`.
const instances = Number(process.env.SOTAY_PROCESSES ?? 4);

module.exports = {
  apps: Array.from({ length: instances }, (_, i) => ({
    name: `sotay-${3001 + i}`,
    // The compiled build (npm run build): no TypeScript loader in the serving processes.
    script: 'build/cli/main.js',
    args: 'serve',
    cwd: __dirname + '/..',
    // Not PM2 cluster mode: each process listens on its own port and nginx balances between them.
    exec_mode: 'fork',
    kill_timeout: 15000,
    max_memory_restart: '600M',
    env: {
      NODE_ENV: 'production',
      PORT: String(3001 + i),
      HOST: '127.0.0.1',
    },
  })),
};
