// libqrencode (Debian: libqrencode-dev) for the kiosk's QR codes.
#include <qrencode.h>
