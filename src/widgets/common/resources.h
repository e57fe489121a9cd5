#pragma once

namespace weft {

/// Registers the designer's embedded resources (icons, translations). weft_widgets is a
/// static library: without an explicit call the linker may drop them.
void initWidgetsResources();

} // namespace weft
