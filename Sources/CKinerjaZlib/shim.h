// zlib, as the system has it (Debian's zlib1g-dev; swift-nio-extras, which Vapor uses, needs the same header).
#include <zlib.h>
