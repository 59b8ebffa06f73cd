// The two IPC channel names, in a module with no dependencies, so the sandboxed preload (which may
// only require 'electron' at run time) can import them and the bundler inlines them.
export const IPC_REQUEST_CHANNEL = 'tracker-lab:request';
export const IPC_MESSAGE_CHANNEL = 'tracker-lab:message';
