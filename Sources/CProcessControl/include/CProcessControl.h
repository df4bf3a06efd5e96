#ifndef KEYWARD_CPROCESSCONTROL_H
#define KEYWARD_CPROCESSCONTROL_H

/// prctl(2) is variadic, which Swift cannot call: these wrap the two requests Keyward makes.

/// prctl(PR_SET_DUMPABLE, on): 0 makes the process non-dumpable (no core file, no ptrace by the same user).
int keyward_set_dumpable(int on);

/// prctl(PR_GET_DUMPABLE): 1 when dumpable, 0 when not, -1 on error.
int keyward_get_dumpable(void);

#endif
