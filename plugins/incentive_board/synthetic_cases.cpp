// SPDX-License-Identifier: Apache-2.0
// Placeholder: the generator lands once case_record.hpp and org.hpp are in (see synthetic_cases.hpp).
