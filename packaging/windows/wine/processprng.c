/* For running Clippings under Wine 8 only (tests, CI), never shipped: Rust's standard library
 * asks bcryptprimitives.dll for ProcessPrng, which Windows 10 and later have and Wine 8 lacks.
 * This DLL, put beside the .exe (WINEDLLOVERRIDES=bcryptprimitives=n,b), gives it, from
 * RtlGenRandom (advapi32's SystemFunction036), which Wine has.
 * Built by scripts/windows.sh: x86_64-w64-mingw32-gcc -shared -o bcryptprimitives.dll ... */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, n)) {
            return FALSE;
        }
        data += n;
        length -= n;
    }
    return TRUE;
}
