// Helper module: a default-exported expression.
const settings = { mode: 'fast', level: 3 };
export default settings;
