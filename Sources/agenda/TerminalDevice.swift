import AgendaApp
import AgendaTerminal

/// The ncurses terminal is the run loops' real terminal.
extension Terminal: TerminalDevice {}
