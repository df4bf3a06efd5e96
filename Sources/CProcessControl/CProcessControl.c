#include "CProcessControl.h"

#include <sys/prctl.h>

int keyward_set_dumpable(int on) { return prctl(PR_SET_DUMPABLE, on ? 1 : 0, 0, 0, 0); }

int keyward_get_dumpable(void) { return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0); }
