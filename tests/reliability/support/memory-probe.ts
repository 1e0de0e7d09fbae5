/**
 * Preloaded (`--import`) into a server process started by server-process.ts: answers the IPC
 * message "memory" with the process's own process.memoryUsage(). A side channel, so the server
 * under test keeps its real routes and the measuring adds no HTTP request to the load.
 */
process.on('message', (message) => {
  if (message === 'memory') process.send?.({ memory: process.memoryUsage() });
});
// The IPC channel must not keep a server that is shutting down alive.
process.channel?.unref();
