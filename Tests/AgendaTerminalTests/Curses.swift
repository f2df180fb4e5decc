import Testing

/// Curses keeps one state for the whole process (its colour pairs in a shared tree among
/// them): the suites that start it are nested here so that they run one at a time.
@Suite(.serialized) enum Curses {}
