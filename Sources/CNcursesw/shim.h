// What Swift cannot import from ncursesw by itself: wide-character API (needs the define
// SwiftPM drops), attribute and mouse macros, and C globals that Swift 6 refuses.
#ifndef AGENDA_NCURSES_SHIM_H
#define AGENDA_NCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>

// glibc declares this only under _XOPEN_SOURCE, which SwiftPM does not pass.
int wcwidth(wchar_t c);

static inline WINDOW *agenda_stdscr(void) { return stdscr; }
static inline int agenda_lines(void) { return LINES; }
static inline int agenda_cols(void) { return COLS; }
static inline int agenda_colors(void) { return COLORS; }
static inline int agenda_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t agenda_a_normal(void) { return A_NORMAL; }
static inline attr_t agenda_a_bold(void) { return A_BOLD; }
static inline attr_t agenda_a_reverse(void) { return A_REVERSE; }
static inline attr_t agenda_a_underline(void) { return A_UNDERLINE; }
static inline attr_t agenda_a_dim(void) { return A_DIM; }
static inline attr_t agenda_a_color(void) { return A_COLOR; }

static inline mmask_t agenda_mouse_mask(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline mmask_t agenda_button1(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_RELEASED; }
static inline mmask_t agenda_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t agenda_wheel_down(void) { return BUTTON5_PRESSED; }

static inline int agenda_key_resize(void) { return KEY_RESIZE; }
static inline int agenda_key_mouse(void) { return KEY_MOUSE; }

/// Sets one cell: `text` is a spacing character plus up to CCHARW_MAX-1 combining ones.
static inline int agenda_put_cell(WINDOW *win, int y, int x, const wchar_t *text, attr_t attr, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attr, pair, NULL) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

/// Sets `count` single-width cells from (y, x) on, one character each, in one call: the
/// changed part of a row. `mvwadd_wchnstr` copies cells without the cursor and wrapping work
/// `wadd_wch` does per character, which was most of a full repaint's cost in curses.
static inline int agenda_put_run(WINDOW *win, int y, int x, const wchar_t *chars, const attr_t *attrs,
                                 const short *pairs, int count) {
    cchar_t cells[count > 0 ? count : 1];
    memset(cells, 0, sizeof cells);
    for (int i = 0; i < count; i++) {
        // What setcchar stores for one spacing character, without its per-call checks: the
        // pair in the attributes (capped as curses does) and in full beside them.
        short pair = pairs[i];
        cells[i].attr = (attrs[i] & ~A_COLOR) | COLOR_PAIR(pair > 255 ? 255 : pair);
        cells[i].chars[0] = chars[i];
#if NCURSES_EXT_COLORS
        cells[i].ext_color = pair;
#endif
    }
    return mvwadd_wchnstr(win, y, x, cells, count);
}

/// Reads one cell back: the text (NUL-terminated, at most `capacity` wide chars) and its attributes.
static inline int agenda_get_cell(WINDOW *win, int y, int x, wchar_t *text, attr_t *attr, short *pair) {
    cchar_t cell;
    if (mvwin_wch(win, y, x, &cell) != OK) return ERR;
    return getcchar(&cell, text, attr, pair, NULL);
}

/// Checks a terminal type without starting curses, so a bad TERM leaves the terminal untouched.
/// 0: usable; 1: unknown to terminfo; 2: no cursor addressing (dumb, hardcopy).
static inline int agenda_check_term(const char *name) {
    int err = 0;
    if (setupterm((char *)name, -1, &err) != OK) return 1;
    char *cup = tigetstr("cup");
    int usable = cup != NULL && cup != (char *)-1;
    del_curterm(cur_term);
    return usable ? 0 : 2;
}

/// The cursor-addressing capability: without it (TERM=dumb) no full-screen UI is possible.
static inline int agenda_has_cursor_addressing(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}
#endif
