#ifndef LOTSE_CREADLINE_SHIM_H
#define LOTSE_CREADLINE_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Setters for readline's globals: Swift's strict concurrency rejects assigning them directly. */

static inline void lotse_rl_configure(rl_completion_func_t *completer) {
    rl_readline_name = "lotse";
    rl_attempted_completion_function = completer;
    /* Complete the whole line: options such as "Aufenthaltsgestattung (Asyl)" contain spaces. */
    rl_completer_word_break_characters = (char *)"\n";
    rl_catch_signals = 0;
    rl_catch_sigwinch = 1;
}

static inline void lotse_rl_completion_over(void) { rl_attempted_completion_over = 1; }

/* Forget a half-typed line, e.g. on Ctrl-C or an idle reset. */
static inline void lotse_rl_discard_line(void) {
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_replace_line("", 0);
    rl_point = 0;
    rl_end = 0;
    rl_done = 0;
}

#endif
