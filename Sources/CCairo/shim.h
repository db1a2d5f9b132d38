// The C libraries the Cairo backend draws with. Only TongKetCairo imports this module.
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <fontconfig/fontconfig.h>
