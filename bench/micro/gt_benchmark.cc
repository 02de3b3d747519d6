// Dispatching speed: operations scheduled per second by the Giffler–Thompson generator on
// Taillard ta71–ta80 (100 jobs x 20 machines, 2,000 operations each), one core.
// Run: build/bench/micro/ordo_micro --benchmark_filter=Gt
#include <benchmark/benchmark.h>

#include <fmt/format.h>

#include "io/instance_reader.h"
#include "solve/dispatch/gt_generator.h"
#include "solve/project/sgs.h"

namespace {

std::vector<ordo::ShopProblem> LoadTa71to80() {
  std::vector<ordo::ShopProblem> shops;
  for (int k = 71; k <= 80; ++k) {
    const auto in = ordo::ReadInstanceFile(fmt::format("{}/bench/instances/jssp/ta{}.txt", ORDO_SOURCE_DIR, k));
    if (!in) throw std::runtime_error(in.error());
    shops.push_back(ordo::BuildShopProblem(*in));
  }
  return shops;
}

void RunGt(benchmark::State& state, ordo::ShopRule rule, ordo::GtVariant variant) {
  const std::vector<ordo::ShopProblem> shops = LoadTa71to80();
  std::vector<ordo::GtGenerator> generators;
  for (const auto& shop : shops) generators.emplace_back(shop);
  ordo::Rng rng(1);
  std::int64_t ops = 0;
  for (auto _ : state) {
    for (auto& g : generators) benchmark::DoNotOptimize(g.Run(rule, variant, rng));
    for (const auto& shop : shops) ops += shop.num_ops;
  }
  state.SetItemsProcessed(ops);
}

void BM_GtActiveMwkr(benchmark::State& s) { RunGt(s, ordo::ShopRule::Mwkr, ordo::GtVariant::Active); }
void BM_GtActiveSpt(benchmark::State& s) { RunGt(s, ordo::ShopRule::Spt, ordo::GtVariant::Active); }
void BM_GtActiveRandom(benchmark::State& s) { RunGt(s, ordo::ShopRule::Random, ordo::GtVariant::Active); }
void BM_GtNonDelayMwkr(benchmark::State& s) { RunGt(s, ordo::ShopRule::Mwkr, ordo::GtVariant::NonDelay); }
BENCHMARK(BM_GtActiveMwkr)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_GtActiveSpt)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_GtActiveRandom)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_GtNonDelayMwkr)->Unit(benchmark::kMicrosecond);

// Serial SGS on a j120 instance, for reference.
void BM_SerialSgsJ120(benchmark::State& state) {
  const auto in = ordo::ReadInstanceFile(std::string(ORDO_SOURCE_DIR) + "/bench/instances/rcpsp/j120/j1201_1.sm");
  if (!in) throw std::runtime_error(in.error());
  ordo::SgsGenerator sgs(*in);
  ordo::Rng rng(1);
  for (auto _ : state) benchmark::DoNotOptimize(sgs.Run(ordo::ProjectRule::Lft, ordo::SgsScheme::Serial, rng));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(in->operations.size()));
}
BENCHMARK(BM_SerialSgsJ120)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
