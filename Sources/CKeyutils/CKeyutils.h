// The kernel key-retention service's user-space library (Debian: libkeyutils-dev), used by the keyctl
// secret store in KeywardVault.
#include <keyutils.h>
