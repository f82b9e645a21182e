/** IPv4 allocation: the first free address of the first network (of the given pools) that has one. */
import { fail, VM_ERROR } from './errors.js';
import type { VmManagerState } from './state.js';

export function allocateIp(
  state: VmManagerState,
  hostId: number,
  pools: readonly number[] | undefined,
): void {
  const nets = state.ipnets.filter((net) => !pools?.length || pools.includes(net.ippool));
  for (const net of nets) {
    const prefix = net.name.split('/')[0]?.split('.').slice(0, 3).join('.');
    for (let last = 10; last < 255; last++) {
      const address = `${prefix}.${last}`;
      if (state.ips.some((ip) => ip.ip_addr === address)) continue;
      state.ips.push({ id: state.nextId++, ip_addr: address, host: hostId, ipnet: net.id, domain: '' });
      return;
    }
  }
  fail(400, VM_ERROR.badRequest, 'no free IP address in the pools', { ipv4_pool: pools });
}
