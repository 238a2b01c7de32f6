"""Write another simulator's activity as spikeprune trace lines (JSON Lines), for `spikeprune trace import`.

The activity of a 784-input, 100-neuron layer on two cores: per image, a raster of input spikes (tick, pixel id),
the neurons that fired, and per tick each core's work. Here they are drawn at random; put your own monitors' data
in their place. Usage:

    python3 docs/examples/raster-to-jsonl.py > my.jsonl
    bin/spikeprune trace import my.jsonl --out runs/my-trace
    bin/spikeprune replay runs/my-trace --hw zedboard-8pe

The format is described in docs/trace-jsonl.md.
"""
import json
import random
import sys

NEURONS, CORES, SHOWN, REST = 100, 2, 700, 300      # ticks: 350 ms shown + 150 ms rest at dt = 0.5 ms
config = "network.exc_neurons=%d\n" % NEURONS
out = sys.stdout
out.write(json.dumps({"kind": "HEADER", "profile": "my-simulator", "seed": 7, "config": config}) + "\n")
rng = random.Random(7)
tick = 0
total_in = total_out = 0
for image in range(20):
    learning = image < 15                          # 15 learning presentations, then 5 inference ones
    out.write(json.dumps({"kind": "IMAGE_START", "tick": tick, "image": image, "label": image % 10,
                          "learning": learning, "repeat": 0}) + "\n")
    spikes_out = 0
    for t in range(SHOWN + REST):
        ids = sorted(rng.sample(range(784), rng.randint(0, 6))) if t < SHOWN else []
        total_in += len(ids)
        if ids:
            out.write(json.dumps({"kind": "INPUT_SPIKES", "tick": tick, "ids": ids}) + "\n")
        fired = [rng.randrange(NEURONS)] if ids and rng.random() < 0.03 else []
        if fired:
            out.write(json.dumps({"kind": "OUTPUT_SPIKES", "tick": tick, "ids": fired}) + "\n")
            spikes_out += 1
            total_out += 1
        for core in range(CORES):
            per_core = NEURONS // CORES
            mine = [n for n in fired if n // per_core == core]
            out.write(json.dumps({
                "kind": "CORE_TICK", "tick": tick, "core": core, "spikes_in": len(ids),
                "synaptic_ops": len(ids) * per_core,          # every input reaches every neuron of the core
                "neuron_updates": per_core,
                "stdp_updates": len(ids) * per_core + 784 * len(mine) if learning else 0,  # depression, potentiation
                "decrements": 0, "spikes_out": len(mine)}) + "\n")
        tick += 1
    out.write(json.dumps({"kind": "IMAGE_END", "tick": tick - 1, "image": image, "spikes": spikes_out}) + "\n")
# the END line: the recording is complete, and its spike totals let the import check that no line was lost
out.write(json.dumps({"kind": "END", "tick": tick - 1, "status": "COMPLETE", "event_records": 0,
                      "input_spikes": total_in, "output_spikes": total_out, "run_digest": ""}) + "\n")
