#include "solve/jobshop/tabu_worker.h"

#include <algorithm>

namespace ordo {

bool SharedIncumbent::Offer(Time makespan, const MachineSequences& sequences, const char* message) {
  if (makespan >= makespan_.load()) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  if (makespan >= makespan_.load()) return false;
  makespan_.store(makespan);
  sequences_ = sequences;
  control_.Report({control_.Elapsed(), makespan * weight_, bound_.load() * weight_, message});
  return true;
}

void SharedIncumbent::RaiseBound(Time bound, const char* message) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (bound <= bound_.load()) return;
  bound_.store(bound);
  const Time best = makespan_.load();
  Progress progress{control_.Elapsed(), std::nullopt, bound * weight_, message};
  if (best != std::numeric_limits<Time>::max()) progress.best = best * weight_;
  control_.Report(progress);
}

MachineSequences SharedIncumbent::Sequences() {
  std::lock_guard<std::mutex> lock(mutex_);
  return sequences_;
}

void SharedIncumbent::AddWork(std::int64_t iterations, std::int64_t evaluations) {
  std::lock_guard<std::mutex> lock(mutex_);
  iterations_ += iterations;
  evaluations_ += evaluations;
}

std::int64_t SharedIncumbent::evaluations() {
  std::lock_guard<std::mutex> lock(mutex_);
  return evaluations_;
}

std::int64_t SharedIncumbent::iterations() {
  std::lock_guard<std::mutex> lock(mutex_);
  return iterations_;
}

TabuWorker::TabuWorker(const ShopProblem& shop, const TabuOptions& options, std::uint64_t seed)
  : shop_(shop), g_(shop), options_(options), rng_(seed), elite_(static_cast<std::size_t>(options.elite)) {
  // Per-machine local indices for the tabu matrices.
  local_.resize(shop.num_ops);
  std::vector<int> count(shop.num_machines, 0);
  for (int o = 0; o < shop.num_ops; ++o) local_[o] = count[g_.machine_of(o)]++;
  base_.resize(shop.num_machines);
  std::size_t total = 0;
  for (int m = 0; m < shop.num_machines; ++m) {
    base_[m] = total;
    total += static_cast<std::size_t>(count[m]) * count[m];
  }
  size_ = count;
  tabu_.assign(total, 0);
}

void TabuWorker::Run(const std::vector<std::vector<int>>& start, SharedIncumbent& shared, const SolveControl& control) {
  g_.SetSequences(start);
  best_ = cycle_best_ = g_.makespan();
  best_sequences_ = cycle_best_sequences_ = g_.Sequences();
  shared.Offer(best_, best_sequences_, "");
  std::int64_t since_improvement = 0;
  const std::int64_t restart_after = options_.restart_after > 0 ? options_.restart_after : 10000 + 20 * static_cast<std::int64_t>(shop_.num_ops);
  const std::int64_t base_tenure = options_.tenure > 0 ? options_.tenure : 10 + shop_.num_jobs / std::max(1, shop_.num_machines);
  for (iteration_ = 1; options_.iterations == 0 || iteration_ <= options_.iterations; ++iteration_) {
    if ((iteration_ & 15) == 0 && (control.ShouldStop() || shared.done())) {
      break;
    }
    neighbourhood_.Generate(g_, moves_);
    if (moves_.empty()) {
      // Every block has one operation. Without downtime the critical path is then a job
      // (or a release date and a job): the schedule is optimal. With downtime it need not
      // be: restart.
      if (!shop_.has_downtime) break;
      JumpBack(shared);
      since_improvement = 0;
      continue;
    }
    evaluations_ += static_cast<std::int64_t>(moves_.size());
    if (shop_.has_downtime) EvaluateExactly();
    const ShopMove* move = Choose();
    const std::int64_t tenure = base_tenure + static_cast<std::int64_t>(rng_.Below(static_cast<std::uint64_t>(base_tenure / 2 + 1)));
    if (!Apply(*move, tenure)) continue;
    if (g_.makespan() < cycle_best_) {
      cycle_best_ = g_.makespan();
      cycle_best_sequences_ = g_.Sequences();
      since_improvement = 0;
      if (cycle_best_ < best_) {
        best_ = cycle_best_;
        best_sequences_ = cycle_best_sequences_;
        shared.Offer(best_, best_sequences_, "");
      }
    } else if (++since_improvement >= restart_after) {
      JumpBack(shared);
      since_improvement = 0;
    }
  }
  shared.AddWork(iteration_, evaluations_);
  evaluations_ = 0;
}

bool TabuWorker::IsTabu(const ShopMove& m) {
  N7Neighbourhood::Segment(g_, m, segment_);
  const int machine = g_.machine_of(m.u);
  const std::size_t n = static_cast<std::size_t>(size_[machine]);
  const std::int64_t* t = &tabu_[base_[machine]];
  for (int x : segment_) {
    if (x == m.u) continue;
    // The move puts x before u (forward) or u before x (backward).
    const std::size_t idx = m.forward ? local_[x] * n + local_[m.u] : local_[m.u] * n + local_[x];
    if (t[idx] > iteration_) return true;
  }
  return false;
}

const ShopMove* TabuWorker::Choose() {
  const ShopMove* chosen = nullptr;
  int ties = 0;
  for (const ShopMove& m : moves_) {
    if (chosen != nullptr && m.estimate > chosen->estimate) continue;
    if (IsTabu(m) && m.estimate >= best_) continue;  // aspiration: tabu moves that beat the best pass
    if (chosen == nullptr || m.estimate < chosen->estimate) {
      chosen = &m;
      ties = 1;
    } else if (rng_.Below(static_cast<std::uint64_t>(++ties)) == 0) {
      chosen = &m;  // uniform among equal estimates
    }
  }
  if (chosen == nullptr) chosen = &moves_[rng_.Below(moves_.size())];  // all tabu: any move
  return chosen;
}

// With downtime the head/tail estimates are far too optimistic (they ignore it), which
// misleads both the choice and the aspiration test: every move is then evaluated by
// applying it, recomputing the schedule and undoing it (O(N) per move).
void TabuWorker::EvaluateExactly() {
  for (ShopMove& m : moves_) {
    const int old_prev = g_.machine_prev(m.u);
    if (m.forward) g_.MoveAfter(m.u, m.v);
    else g_.MoveBefore(m.u, m.v);
    m.estimate = g_.Evaluate() ? g_.makespan() : std::numeric_limits<Time>::max();
    g_.MoveAfter(m.u, old_prev);
  }
  g_.Evaluate();
}

bool TabuWorker::Apply(const ShopMove& m, std::int64_t tenure) {
  N7Neighbourhood::Segment(g_, m, segment_);
  const int machine = g_.machine_of(m.u);
  const std::size_t n = static_cast<std::size_t>(size_[machine]);
  std::int64_t* t = &tabu_[base_[machine]];
  for (int x : segment_) {
    if (x == m.u) continue;
    // Before the move u was before x (forward) or x before u (backward): forbid going back.
    const std::size_t idx = m.forward ? local_[m.u] * n + local_[x] : local_[x] * n + local_[m.u];
    t[idx] = iteration_ + tenure;
  }
  const int old_prev = g_.machine_prev(m.u);
  if (m.forward) g_.MoveAfter(m.u, m.v);
  else g_.MoveBefore(m.u, m.v);
  if (g_.Evaluate()) return true;
  g_.MoveAfter(m.u, old_prev);
  g_.Evaluate();
  return false;
}

// Restart (i-TSAB's back jump, Nowicki & Smutnicki 2005, with TS/PR's relinking): the best
// schedule of the finished cycle joins the elite pool (with the shared incumbent when it is
// better); the next cycle starts either part way along a path between two elite schedules
// or from an elite schedule perturbed by a few random N7 moves.
void TabuWorker::JumpBack(SharedIncumbent& shared) {
  elite_.Add(cycle_best_, cycle_best_sequences_);
  if (shared.makespan() < best_) {
    best_ = shared.makespan();
    best_sequences_ = shared.Sequences();
    elite_.Add(best_, best_sequences_);
  }
  // Prefer better elites: the smaller of two random ranks.
  auto pick = [&] { return std::min(rng_.Below(elite_.size()), rng_.Below(elite_.size())); };
  if (elite_.size() >= 2 && rng_.Uniform01() < options_.relink) {
    const std::size_t a = pick();
    std::size_t b = rng_.Below(elite_.size() - 1);
    if (b >= a) ++b;
    RelinkTowards(g_, elite_.sequences(a), elite_.sequences(b), 0.25 + 0.5 * rng_.Uniform01(), rng_);
  } else {
    g_.SetSequences(elite_.size() > 0 ? elite_.sequences(pick()) : best_sequences_);
    for (std::int64_t k = 0; k < options_.perturbation; ++k) {
      neighbourhood_.Generate(g_, moves_);
      if (moves_.empty()) break;
      const ShopMove m = moves_[rng_.Below(moves_.size())];
      Apply(m, 0);
    }
  }
  std::fill(tabu_.begin(), tabu_.end(), 0);
  cycle_best_ = g_.makespan();
  cycle_best_sequences_ = g_.Sequences();
}

}  // namespace ordo
