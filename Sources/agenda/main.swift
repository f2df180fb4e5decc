import AgendaUI
