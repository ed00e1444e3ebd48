#ifndef BEREDSKAP_CSQLITE_SHIM_H
#define BEREDSKAP_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
