import { describe, expect, it } from 'vitest';
import { buildPidOptions, judgePidResponse, parseDeviceInfo, parsePidResponse, parseRdServiceInfo, type PidResponse } from './rd-service';

/** Shaped like a vendor service's capture answer; the long fields are shortened. */
const PID_DATA = `<?xml version="1.0"?>
<PidData>
  <Resp errCode="0" errInfo="Success." fCount="1" fType="2" nmPoints="40" qScore="98" />
  <DeviceInfo dpId="MANTRA.MSIPL" rdsId="RENESAS.MANTRA.001" rdsVer="1.5.1" mi="MFS110" mc="MIIEADCCAui" dc="8d1c6a3e-7f6b-4c1e">
    <additional_info>
      <Param name="srno" value="3170633" />
      <Param name="sysid" value="353573092631109" />
    </additional_info>
  </DeviceInfo>
  <Skey ci="20291021">jI+hQad0FNwO3UnQ9usm</Skey>
  <Hmac>ZkD2Tlt+URRcMDueQTok4z7Q</Hmac>
  <Data type="X">MjAyNi0wNy0yNFQxMDo</Data>
</PidData>`;

describe('buildPidOptions', () => {
	it('asks for one finger in both formats, in the XML format, with the environment', () => {
		expect(buildPidOptions({ fingerCount: 1, fingerType: 'FMR+FIR', timeoutMs: 10_000, env: 'P' })).toBe(
			'<PidOptions ver="1.0"><Opts fCount="1" fType="2" iCount="0" pCount="0" format="0" pidVer="2.0" ' +
				'timeout="10000" posh="UNKNOWN" env="P"/></PidOptions>'
		);
	});

	it('adds the e-KYC consent hash, escaped', () => {
		expect(buildPidOptions({ fingerCount: 2, fingerType: 'FMR', timeoutMs: 5_000, env: 'PP', wadh: 'a"b&c' })).toContain(
			'fCount="2" fType="0" iCount="0" pCount="0" format="0" pidVer="2.0" timeout="5000" posh="UNKNOWN" env="PP" wadh="a&quot;b&amp;c"'
		);
	});
});

describe('parseRdServiceInfo', () => {
	it('reads the status, the description and the advertised interfaces', () => {
		const xml = `<RDService status="NOTREADY" info="Mantra Authentication Vendor Device Manager">
			<Interface id="DEVICEINFO" path="/rd/info" /><Interface id="CAPTURE" path="/rd/capture" /></RDService>`;

		expect(parseRdServiceInfo(xml)).toEqual({
			status: 'NOTREADY',
			info: 'Mantra Authentication Vendor Device Manager',
			interfaces: [
				{ id: 'DEVICEINFO', path: '/rd/info' },
				{ id: 'CAPTURE', path: '/rd/capture' }
			]
		});
	});

	it('refuses answers that are not an RD Service', () => {
		expect(parseRdServiceInfo('<html><body>It works</body></html>')).toBeNull();
		expect(parseRdServiceInfo('<RDService status="BROKEN" info="x"/>')).toBeNull();
	});
});

describe('parseDeviceInfo', () => {
	it('reads the device identity and its serial number', () => {
		expect(parseDeviceInfo(PID_DATA)).toEqual({
			dpId: 'MANTRA.MSIPL',
			rdsId: 'RENESAS.MANTRA.001',
			rdsVer: '1.5.1',
			mi: 'MFS110',
			dc: '8d1c6a3e-7f6b-4c1e',
			serialNumber: '3170633'
		});
	});
});

describe('parsePidResponse', () => {
	it('reads the capture result and the device', () => {
		expect(parsePidResponse(PID_DATA)).toMatchObject({
			errCode: '0',
			errInfo: 'Success.',
			fCount: 1,
			qScore: 98,
			nmPoints: 40,
			device: { dpId: 'MANTRA.MSIPL', serialNumber: '3170633' }
		});
	});

	it('reads an error answer, which has neither score nor device', () => {
		expect(parsePidResponse('<PidData><Resp errCode="720" errInfo="Device not ready"/></PidData>')).toEqual({
			errCode: '720',
			errInfo: 'Device not ready',
			fCount: 0,
			qScore: null,
			nmPoints: null,
			device: null
		});
	});

	it('refuses text that is not PidData', () => {
		expect(parsePidResponse('<Resp errCode="0"/>')).toBeNull();
		expect(parsePidResponse('<PidData></PidData>')).toBeNull();
	});
});

describe('judgePidResponse', () => {
	const captured: PidResponse = { errCode: '0', errInfo: '', fCount: 1, qScore: 60, nmPoints: 30, device: null };

	it('accepts a capture at or above the minimum score, or without a score', () => {
		expect(judgePidResponse(captured, 60)).toEqual({ kind: 'captured' });
		expect(judgePidResponse({ ...captured, qScore: null }, 60)).toEqual({ kind: 'captured' });
	});

	it('calls a low score poor quality, and no finger a device error', () => {
		expect(judgePidResponse(captured, 61)).toEqual({ kind: 'poor-quality' });
		expect(judgePidResponse({ ...captured, fCount: 0 }, 0)).toEqual({ kind: 'device-error' });
	});

	it('maps the vendor error codes it is given, and any other code to a device error', () => {
		const codes = { timeout: ['-1140'], notReady: ['-1307'], poorQuality: ['-1502'] };

		expect(judgePidResponse({ ...captured, errCode: '-1140' }, 40, codes)).toEqual({ kind: 'timeout' });
		expect(judgePidResponse({ ...captured, errCode: '-1307' }, 40, codes)).toEqual({ kind: 'not-ready' });
		expect(judgePidResponse({ ...captured, errCode: '-1502' }, 40, codes)).toEqual({ kind: 'poor-quality' });
		expect(judgePidResponse({ ...captured, errCode: '700' }, 40, codes)).toEqual({ kind: 'device-error' });
		expect(judgePidResponse({ ...captured, errCode: '700' }, 40)).toEqual({ kind: 'timeout' });
		expect(judgePidResponse({ ...captured, errCode: '730' }, 40)).toEqual({ kind: 'poor-quality' });
		expect(judgePidResponse({ ...captured, errCode: '720' }, 40)).toEqual({ kind: 'not-ready' });
	});
});
