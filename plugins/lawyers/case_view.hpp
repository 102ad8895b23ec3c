// SPDX-License-Identifier: Apache-2.0
// CaseView, the JSON of a case: its stage and progress (when each stage was reached), its judge
// and clerk, and the hearings to come from the mirror. The portal's view names the judge and
// clerk without their userids.
//
// Threading: any handler thread; reads only. Errors: courthub::Error from the host.
#pragma once

#include <courthub/json.hpp>

#include "app.hpp"
#include "case_access.hpp"

namespace lawyers {

enum class CaseAudience { Staff, Lawyer };

courthub::Json case_view(const App& app, const CaseRef& c, CaseAudience audience);

}  // namespace lawyers
