// zlib's inflate, for the deflated parts of .xlsx workbooks (TongKetData's ZipArchive).
#include <zlib.h>
