// SPDX-License-Identifier: Apache-2.0
// The bench's directory: the demo's 128 courts and staff plus enough extra judges to reach a
// target (the issue's ~5,000), written as one more seed file the host reads after staff.yaml.
#pragma once

#include <string>

namespace board {

// Copies SEED_DIR/courts.yaml and SEED_DIR/staff.yaml into `out_dir` (created if missing) and
// writes out_dir/bench-judges.yaml: `judges - (judges already in staff.yaml)` people with the
// role judge, spread over the courts in proportion to their judges, each in the court's root
// department, ids "<court code>-J0001"…. Returns the number of judges in the directory.
// Threading: reentrant. Errors: throws std::runtime_error naming the file that could not be
// read or written.
int write_bench_directory(const std::string& seed_dir, const std::string& out_dir, int judges);

}  // namespace board
