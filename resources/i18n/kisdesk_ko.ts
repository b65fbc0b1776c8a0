<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>Allocation</name>
    <message>
        <location filename="../../kisdesk/ui/allocation.py" line="69"/>
        <source>Others ({n})</source>
        <translation>기타 ({n})</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/allocation.py" line="169"/>
        <source>No holdings</source>
        <translation>보유 종목이 없습니다</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/allocation.py" line="196"/>
        <source>Total
{krw} KRW</source>
        <translation>합계
{krw}원</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/allocation.py" line="229"/>
        <source>{n} overseas holding(s) without a won value left out</source>
        <translation>원화 평가액이 없는 해외 종목 {n}개 제외</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <location filename="../../kisdesk/services/charts.py" line="68"/>
        <source>{n} min</source>
        <translation>{n}분</translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/charts.py" line="70"/>
        <source>Day</source>
        <translation>일</translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/charts.py" line="71"/>
        <source>Week</source>
        <translation>주</translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/charts.py" line="72"/>
        <source>Month</source>
        <translation>월</translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/charts.py" line="423"/>
        <source>Overseas minute bars are not offered on paper trading (모의투자 미지원).</source>
        <translation>해외주식 분봉은 모의투자에서 제공되지 않습니다 (모의투자 미지원).</translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/charts.py" line="426"/>
        <source>Minute bars of past days are not offered on paper trading (모의투자 미지원).</source>
        <translation>지난 날짜의 분봉은 모의투자에서 제공되지 않습니다 (모의투자 미지원).</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="136"/>
        <source>Save the visible chart as PNG (P)</source>
        <translation>보이는 차트를 PNG로 저장 (P)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="147"/>
        <source>The chart appears here.</source>
        <translation>여기에 차트가 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="276"/>
        <source>Loading {period} bars of {name}…</source>
        <translation>{name} {period}봉 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="337"/>
        <source>No bars for this symbol and period.</source>
        <translation>이 종목과 주기의 봉 데이터가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="357"/>
        <source>No symbol: choose one in the order panel</source>
        <translation>종목 없음: 주문창에서 종목을 선택하세요</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="387"/>
        <source>O</source>
        <translation>시</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="388"/>
        <source>H</source>
        <translation>고</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="389"/>
        <source>L</source>
        <translation>저</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="390"/>
        <source>C</source>
        <translation>종</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="392"/>
        <source>Vol</source>
        <translation>거래량</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="464"/>
        <source>Save chart as PNG</source>
        <translation>차트를 PNG로 저장</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="466"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="471"/>
        <source>Could not save {path}</source>
        <translation>{path}에 저장하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="473"/>
        <source>Saved {path}</source>
        <translation>{path}에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../kisdesk/ui/confirm_dialog.py" line="57"/>
        <source>Send (Enter)</source>
        <translation>전송 (Enter)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/confirm_dialog.py" line="97"/>
        <source>Cancel (Esc)</source>
        <translation>취소 (Esc)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/confirm_dialog.py" line="116"/>
        <source>Enter: send · Esc: back to the order</source>
        <translation>Enter: 전송 · Esc: 주문창으로 돌아가기</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/confirm_dialog.py" line="125"/>
        <source>Send anyway (Y)</source>
        <translation>그대로 전송 (Y)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/confirm_dialog.py" line="127"/>
        <source>Please check again. Y: send anyway · Esc: back</source>
        <translation>다시 확인해 주세요. Y: 그대로 전송 · Esc: 돌아가기</translation>
    </message>
</context>
<context>
    <name>ConnectionCheck</name>
    <message>
        <location filename="../../kisdesk/services/connection_check.py" line="117"/>
        <source>Nothing was sent: the app key, secret, account number and HTS ID must be ASCII characters without spaces.</source>
        <translation>아무것도 보내지 않았습니다: 앱 키, 앱 시크릿, 계좌번호, HTS ID는 공백 없는 ASCII(반각) 문자여야 합니다.</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../kisdesk/app/controller.py" line="184"/>
        <source>No saved credentials for this environment. Fill in the set-up dialog, or switch to demo from the Environment menu.</source>
        <translation>이 접속환경에 저장된 인증정보가 없습니다. 설정 창을 입력하거나 접속환경 메뉴에서 데모로 전환하세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/app/controller.py" line="213"/>
        <source>Waiting for the order in flight before closing…</source>
        <translation>전송 중인 주문의 결과를 기다린 뒤 종료합니다…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/app/controller.py" line="215"/>
        <source>Waiting for the order in flight before disconnecting…</source>
        <translation>전송 중인 주문의 결과를 기다린 뒤 연결을 끊습니다…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/app/controller.py" line="225"/>
        <source>An order&apos;s outcome was still unknown when the session ended. It may exist: check today&apos;s executions before sending it again.</source>
        <translation>연결을 끊을 때까지 주문의 결과를 확인하지 못했습니다. 접수되었을 수 있으니 다시 보내기 전에 당일 체결내역을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/app/controller.py" line="200"/>
        <source>Logged out. Press Retry to connect again.</source>
        <translation>로그아웃되었습니다. 다시 접속하려면 재시도를 누르세요.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../kisdesk/ui/crash.py" line="47"/>
        <source>Unexpected error</source>
        <translation>예기치 않은 오류</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/crash.py" line="49"/>
        <source>Something went wrong, but kisdesk keeps running.

{summary}</source>
        <translation>오류가 발생했지만 kisdesk는 계속 실행됩니다.

{summary}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/crash.py" line="54"/>
        <source>Details were saved to {path}</source>
        <translation>자세한 내용을 {path}에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>DataTab</name>
    <message>
        <location filename="../../kisdesk/ui/data_tab.py" line="249"/>
        <source>Not connected</source>
        <translation>연결되지 않음</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/data_tab.py" line="293"/>
        <source>Updated {time}</source>
        <translation>{time} 갱신</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/data_tab.py" line="352"/>
        <source>Still waiting for the KIS server to answer ({seconds} s)…</source>
        <translation>한국투자증권 서버의 응답을 기다리고 있습니다 ({seconds}초)…</translation>
    </message>
</context>
<context>
    <name>Env</name>
    <message>
        <location filename="../../kisdesk/ui/env_badge.py" line="14"/>
        <source>DEMO</source>
        <translation>데모</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/env_badge.py" line="15"/>
        <source>PAPER</source>
        <translation>모의투자</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/env_badge.py" line="16"/>
        <source>REAL</source>
        <translation>실전투자</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/env_badge.py" line="37"/>
        <source>Orders in this environment use real money</source>
        <translation>이 접속환경의 주문은 실제 자금으로 체결됩니다</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../kisdesk/services/errors.py" line="44"/>
        <source>Cannot reach the KIS server. Check the network connection.</source>
        <translation>한국투자증권 서버에 연결할 수 없습니다. 네트워크 연결을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/errors.py" line="46"/>
        <source>The KIS server is not answering properly (server error).</source>
        <translation>한국투자증권 서버가 정상적으로 응답하지 않습니다 (서버 오류).</translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/errors.py" line="48"/>
        <source>KIS sent an answer kisdesk could not read.</source>
        <translation>한국투자증권 서버의 응답을 해석할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>Holdings</name>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="42"/>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="43"/>
        <source>Code</source>
        <translation>종목코드</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="44"/>
        <source>Quantity</source>
        <translation>보유수량</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="45"/>
        <source>Orderable</source>
        <translation>주문가능</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="46"/>
        <source>Avg price</source>
        <translation>매입평균가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="47"/>
        <source>Price</source>
        <translation>현재가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="48"/>
        <source>Change</source>
        <translation>전일대비</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="51"/>
        <source>Change %</source>
        <translation>등락률</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="55"/>
        <source>Purchase amt</source>
        <translation>매입금액</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="56"/>
        <source>Eval amt</source>
        <translation>평가금액</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="57"/>
        <source>P&amp;L</source>
        <translation>평가손익</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="58"/>
        <source>Return %</source>
        <translation>수익률</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="64"/>
        <source>Deposit</source>
        <translation>예수금</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="65"/>
        <source>D+2 deposit</source>
        <translation>D+2 예수금</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="66"/>
        <source>Securities eval</source>
        <translation>유가평가금액</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="67"/>
        <source>Total eval</source>
        <translation>총평가금액</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="68"/>
        <source>Total P&amp;L</source>
        <translation>평가손익합계</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="69"/>
        <source>Net assets</source>
        <translation>순자산</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="70"/>
        <source>Asset change</source>
        <translation>자산증감</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/tab_states.py" line="39"/>
        <location filename="../../kisdesk/ui/tab_states.py" line="57"/>
        <source>Retry</source>
        <translation>재시도</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="150"/>
        <source>No holdings</source>
        <translation>보유 종목이 없습니다</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="130"/>
        <source>Loading balance…</source>
        <translation>잔고 조회 중…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="160"/>
        <source>Loading balance… page {pages}, {rows} rows</source>
        <translation>잔고 조회 중… {pages}페이지, {rows}건</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="132"/>
        <source>Refresh failed: {msg}</source>
        <translation>새로고침 실패: {msg}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="131"/>
        <source>Could not load the balance.
{msg}</source>
        <translation>잔고를 불러오지 못했습니다.
{msg}</translation>
    </message>
</context>
<context>
    <name>Keymap</name>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="64"/>
        <source>Order panel: go to the symbol field</source>
        <translation>주문창: 종목 입력란으로 이동</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="66"/>
        <source>Order panel: 매수 (buy)</source>
        <translation>주문창: 매수</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="67"/>
        <source>Order panel: 매도 (sell)</source>
        <translation>주문창: 매도</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="72"/>
        <source>Go to the open orders table</source>
        <translation>미체결 목록으로 이동</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="78"/>
        <source>Order keys cheat sheet</source>
        <translation>주문 단축키 안내</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="84"/>
        <source>Order panel: domestic ↔ overseas (해외주식)</source>
        <translation>주문창: 국내 ↔ 해외주식</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="90"/>
        <source>Order book ladder: Up/Down a level, Enter = price, Esc back</source>
        <translation>호가창: 위/아래 호가 이동, Enter = 가격 입력, Esc 돌아가기</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="92"/>
        <source>Switch to 매수 (buy)</source>
        <translation>매수로 전환</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="93"/>
        <source>Switch to 매도 (sell)</source>
        <translation>매도로 전환</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="98"/>
        <source>Next order type (지정가 / 시장가)</source>
        <translation>다음 주문유형 (지정가 / 시장가)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="100"/>
        <source>Price +1 tick</source>
        <translation>가격 +1호가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="101"/>
        <source>Price −1 tick</source>
        <translation>가격 −1호가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="102"/>
        <source>Price +5 ticks</source>
        <translation>가격 +5호가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="103"/>
        <source>Price −5 ticks</source>
        <translation>가격 −5호가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="104"/>
        <source>Price = current price</source>
        <translation>가격 = 현재가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="105"/>
        <source>Price = upper limit</source>
        <translation>가격 = 상한가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="106"/>
        <source>Price = lower limit</source>
        <translation>가격 = 하한가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="107"/>
        <source>Quantity +1</source>
        <translation>수량 +1</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="108"/>
        <source>Quantity −1</source>
        <translation>수량 −1</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="113"/>
        <source>Quantity = 10% of the maximum</source>
        <translation>수량 = 최대수량의 10%</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="119"/>
        <source>Quantity = 25% of the maximum</source>
        <translation>수량 = 최대수량의 25%</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="125"/>
        <source>Quantity = 50% of the maximum</source>
        <translation>수량 = 최대수량의 50%</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="131"/>
        <source>Quantity = 100% of the maximum</source>
        <translation>수량 = 최대수량의 100%</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="137"/>
        <source>Cancel the selected open order (confirmed)</source>
        <translation>선택한 미체결 주문 취소 (확인 후)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="143"/>
        <source>Modify the selected open order (confirmed)</source>
        <translation>선택한 미체결 주문 정정 (확인 후)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="146"/>
        <source>Zoom in (fewer bars)</source>
        <translation>확대 (봉 수 줄이기)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="147"/>
        <source>Zoom out (more bars)</source>
        <translation>축소 (봉 수 늘리기)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="148"/>
        <source>Pan back in time</source>
        <translation>과거로 이동</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="149"/>
        <source>Pan forward in time</source>
        <translation>최근으로 이동</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="150"/>
        <source>Go to the latest bar</source>
        <translation>최근 봉으로 이동</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="151"/>
        <source>1-minute bars</source>
        <translation>1분봉</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="152"/>
        <source>3-minute bars</source>
        <translation>3분봉</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="153"/>
        <source>5-minute bars</source>
        <translation>5분봉</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="154"/>
        <source>10-minute bars</source>
        <translation>10분봉</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="155"/>
        <source>30-minute bars</source>
        <translation>30분봉</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="156"/>
        <source>60-minute bars</source>
        <translation>60분봉</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="157"/>
        <source>Daily bars</source>
        <translation>일봉</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="158"/>
        <source>Weekly bars</source>
        <translation>주봉</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="159"/>
        <source>Monthly bars</source>
        <translation>월봉</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="164"/>
        <source>Save the visible chart as PNG</source>
        <translation>보이는 차트를 PNG로 저장</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="172"/>
        <source>Symbol → side → type → price → quantity → submit</source>
        <translation>종목 → 매매구분 → 주문유형 → 가격 → 수량 → 주문</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="174"/>
        <source>Review the order; Enter again in the review sends it</source>
        <translation>주문 확인창 열기. 확인창에서 Enter를 한 번 더 누르면 전송</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="177"/>
        <source>Close the review without sending; in the panel: clear it</source>
        <translation>전송하지 않고 확인창 닫기. 주문창에서는 입력 지우기</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="179"/>
        <source>When the fat-finger guard asks again: send anyway</source>
        <translation>주문 실수 방지 경고에서: 그대로 전송</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="315"/>
        <source>Anywhere</source>
        <translation>어디서나</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="296"/>
        <location filename="../../kisdesk/ui/keymap.py" line="316"/>
        <source>Order panel</source>
        <translation>주문창</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="317"/>
        <source>Price field</source>
        <translation>가격 입력란</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="318"/>
        <source>Quantity field</source>
        <translation>수량 입력란</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="319"/>
        <source>Open orders</source>
        <translation>미체결</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="293"/>
        <source>(unbound)</source>
        <translation>(지정 안 됨)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="305"/>
        <location filename="../../kisdesk/ui/keymap.py" line="350"/>
        <source>Where</source>
        <translation>위치</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="306"/>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="307"/>
        <location filename="../../kisdesk/ui/keymap.py" line="349"/>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="320"/>
        <source>Chart</source>
        <translation>차트</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="329"/>
        <source>Order keys</source>
        <translation>주문 단축키</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="351"/>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="370"/>
        <source>Restore defaults</source>
        <translation>기본값 복원</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="395"/>
        <source>{key} is bound twice ({ids})</source>
        <translation>{key} 키가 중복 지정되었습니다 ({ids})</translation>
    </message>
</context>
<context>
    <name>LivePrices</name>
    <message>
        <location filename="../../kisdesk/ui/live_prices.py" line="23"/>
        <source>Live: realtime stream</source>
        <translation>실시간: 실시간 시세 수신 중</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/live_prices.py" line="26"/>
        <source>Polled: realtime not available for it now</source>
        <translation>조회: 지금은 실시간 시세를 받을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/live_prices.py" line="27"/>
        <source>Polled {seconds} s ago: realtime not available for it now</source>
        <translation>{seconds}초 전 조회: 지금은 실시간 시세를 받을 수 없습니다</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="55"/>
        <location filename="../../kisdesk/ui/main_window.py" line="135"/>
        <source>Domestic holdings</source>
        <translation>국내잔고</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="56"/>
        <location filename="../../kisdesk/ui/main_window.py" line="136"/>
        <source>Overseas holdings</source>
        <translation>해외잔고</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="57"/>
        <location filename="../../kisdesk/ui/main_window.py" line="137"/>
        <source>Rankings</source>
        <translation>순위</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="59"/>
        <location filename="../../kisdesk/ui/main_window.py" line="138"/>
        <location filename="../../kisdesk/ui/main_window.py" line="236"/>
        <source>Watchlist</source>
        <translation>관심종목</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="61"/>
        <source>Allocation</source>
        <translation>자산구성</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="64"/>
        <source>Order</source>
        <translation>주문</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="76"/>
        <source>Chart</source>
        <translation>차트</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="112"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="114"/>
        <source>&amp;Export CSV…</source>
        <translation>CSV 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="118"/>
        <source>Export chart as &amp;PNG…</source>
        <translation>차트 PNG 저장(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="123"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="127"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="129"/>
        <source>&amp;Refresh</source>
        <translation>새로고침(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="147"/>
        <source>&amp;Chart</source>
        <translation>차트(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="150"/>
        <source>Reset &amp;layout</source>
        <translation>화면 배치 초기화(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="154"/>
        <source>&amp;Environment</source>
        <translation>접속환경(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="156"/>
        <source>&amp;Settings</source>
        <translation>설정(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="159"/>
        <source>&amp;Preferences…</source>
        <translation>환경설정(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="163"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="165"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="199"/>
        <source>This tab has no table to export.</source>
        <translation>이 탭에는 내보낼 표가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="204"/>
        <source>Export CSV</source>
        <translation>CSV 내보내기</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="206"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kisdesk/ui/main_window.py" line="211"/>
        <source>Exported %n row(s) to {path}</source>
        <translation>
            <numerusform>{path}에 %n행을 내보냈습니다</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="217"/>
        <source>Window</source>
        <translation>메인 창</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="220"/>
        <source>Refresh</source>
        <translation>새로고침</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="224"/>
        <source>Domestic holdings / Overseas holdings / Rankings / Watchlist</source>
        <translation>국내잔고 / 해외잔고 / 순위 / 관심종목</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="228"/>
        <source>Show the chart and give it the keyboard</source>
        <translation>차트를 표시하고 키보드 입력을 차트로</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="229"/>
        <source>Export the current table as CSV</source>
        <translation>현재 표를 CSV로 내보내기</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="232"/>
        <source>Enter, double-click</source>
        <translation>Enter, 더블클릭</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="233"/>
        <source>Sell the selected holding (prefills the order panel)</source>
        <translation>선택한 보유 종목 매도 (주문창에 미리 입력)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="238"/>
        <source>Groups: new / rename / delete / move; table: add (Ins), remove, move, send to the order panel</source>
        <translation>그룹: 추가 / 이름 변경 / 삭제 / 이동. 종목표: 추가(Ins), 삭제, 이동, 주문창으로 보내기</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="244"/>
        <source>Preferences</source>
        <translation>환경설정</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="245"/>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="219"/>
        <location filename="../../kisdesk/ui/main_window.py" line="258"/>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <location filename="../../kisdesk/ui/notices.py" line="40"/>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/notices.py" line="40"/>
        <source>Sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/notices.py" line="51"/>
        <location filename="../../kisdesk/ui/notices.py" line="78"/>
        <source>{side} rejected {name} {qty} sh</source>
        <translation>{side} 거부 {name} {qty}주</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/notices.py" line="56"/>
        <source>{side} filled {name} {qty} sh @{price}</source>
        <translation>{side} 체결 {name} {qty}주 @{price}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/notices.py" line="62"/>
        <source>{side} unfilled remainder cancelled {name} {qty} sh</source>
        <translation>{side} 미체결 잔량 취소 {name} {qty}주</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/notices.py" line="64"/>
        <source>{side} cancel confirmed {name} {qty} sh</source>
        <translation>{side} 취소 확인 {name} {qty}주</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/notices.py" line="66"/>
        <source>{side} modify confirmed {name} {qty} sh @{price}</source>
        <translation>{side} 정정 확인 {name} {qty}주 @{price}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/notices.py" line="68"/>
        <source>{side} accepted {name} {qty} sh @{price}</source>
        <translation>{side} 접수 {name} {qty}주 @{price}</translation>
    </message>
</context>
<context>
    <name>OpenOrders</name>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="119"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="147"/>
        <source>Time</source>
        <translation>주문시각</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="120"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="148"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="201"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="514"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="632"/>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="121"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="149"/>
        <source>Code</source>
        <translation>종목코드</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="122"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="157"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="519"/>
        <source>Market</source>
        <translation>시장</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="125"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="152"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="195"/>
        <source>Side</source>
        <translation>구분</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="131"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="158"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="202"/>
        <source>Type</source>
        <translation>주문유형</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="132"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="159"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="203"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="515"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="633"/>
        <source>Price</source>
        <translation>주문가격</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="133"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="160"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="204"/>
        <source>Qty</source>
        <translation>주문수량</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="134"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="161"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="211"/>
        <source>Filled</source>
        <translation>체결수량</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="135"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="179"/>
        <source>Open</source>
        <translation>미체결</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="136"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="180"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="212"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="513"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="631"/>
        <source>Order no.</source>
        <translation>주문번호</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="137"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="181"/>
        <source>Original</source>
        <translation>원주문번호</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="146"/>
        <source>Date</source>
        <translation>주문일자</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="164"/>
        <source>Avg price</source>
        <translation>체결평균가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="172"/>
        <source>Filled amt</source>
        <translation>체결금액</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="189"/>
        <source>Sent</source>
        <translation>전송시각</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="207"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="213"/>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="261"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="637"/>
        <source>Modify order</source>
        <translation>주문 정정</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="280"/>
        <source>New price</source>
        <translation>정정가격</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="284"/>
        <source>Quantity (open {n})</source>
        <translation>수량 (미체결 {n})</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="294"/>
        <source>Up/Down: ±1 tick or ±1 · Enter: review · Esc: back</source>
        <translation>Up/Down: ±1호가 또는 ±1 · Enter: 확인 · Esc: 돌아가기</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="411"/>
        <source>Refresh</source>
        <translation>새로고침</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="413"/>
        <source>Del: cancel · M: modify</source>
        <translation>Del: 취소 · M: 정정</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="476"/>
        <source>{what} accepted: ODNO {odno} · {time} · {msg}</source>
        <translation>{what} 접수: 주문번호 {odno} · {time} · {msg}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="483"/>
        <source>{what}: {msg}</source>
        <translation>{what}: {msg}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="516"/>
        <source>Open quantity</source>
        <translation>미체결수량</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="521"/>
        <source>Cancel order</source>
        <translation>주문 취소</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="522"/>
        <source>{side} 취소 (cancel)</source>
        <translation>{side} 취소</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="526"/>
        <source>Cancel the order (Enter)</source>
        <translation>주문 취소 (Enter)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="536"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="555"/>
        <source>Only limit orders can be modified here (this one is type {code}); cancel it and place a new order instead.</source>
        <translation>여기서는 지정가 주문만 정정할 수 있습니다 (이 주문의 유형: {code}). 취소한 뒤 새로 주문하세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="634"/>
        <source>Quantity</source>
        <translation>수량</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="638"/>
        <source>{side} 정정 (modify)</source>
        <translation>{side} 정정</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="642"/>
        <source>Modify the order (Enter)</source>
        <translation>주문 정정 (Enter)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="655"/>
        <source>Modify</source>
        <translation>정정</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="687"/>
        <source>Load</source>
        <translation>조회</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="694"/>
        <source>From</source>
        <translation>조회기간</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="696"/>
        <source>to</source>
        <translation>~</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kisdesk/ui/open_orders.py" line="745"/>
        <source>%n order(s) today</source>
        <translation>
            <numerusform>오늘 주문 %n건</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="758"/>
        <source>Loading…</source>
        <translation>조회 중…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kisdesk/ui/open_orders.py" line="767"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>주문 %n건</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderDock</name>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="106"/>
        <source>Confirm before sending</source>
        <translation>전송 전 확인</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="109"/>
        <source>Keys…</source>
        <translation>단축키…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="127"/>
        <source>Open orders</source>
        <translation>미체결</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="128"/>
        <source>Executions</source>
        <translation>체결내역</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="129"/>
        <source>Sent</source>
        <translation>전송내역</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="131"/>
        <source>Notices</source>
        <translation>알림</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="304"/>
        <source>Orders with real money are always confirmed.</source>
        <translation>실전투자 주문은 항상 확인 후 전송됩니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="327"/>
        <source>Domestic</source>
        <translation>국내</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="328"/>
        <source>Overseas (F8)</source>
        <translation>해외 (F8)</translation>
    </message>
</context>
<context>
    <name>OrderLadder</name>
    <message>
        <location filename="../../kisdesk/ui/ladder.py" line="40"/>
        <source>Order book</source>
        <translation>호가창</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/ladder.py" line="164"/>
        <source>Ask</source>
        <translation>매도잔량</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/ladder.py" line="169"/>
        <source>Price</source>
        <translation>호가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/ladder.py" line="174"/>
        <source>Bid</source>
        <translation>매수잔량</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/ladder.py" line="182"/>
        <source>No order book</source>
        <translation>호가 없음</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/ladder.py" line="232"/>
        <source>Total</source>
        <translation>총잔량</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/ladder.py" line="242"/>
        <source>Expected {price} × {qty}</source>
        <translation>예상체결 {price} × {qty}</translation>
    </message>
</context>
<context>
    <name>OrderPanel</name>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="260"/>
        <source>Code or name (삼성전자, 삼전, ㅅㅅㅈㅈ)</source>
        <translation>종목코드 또는 종목명 (삼성전자, 삼전, ㅅㅅㅈㅈ)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="36"/>
        <source>매수 (buy)</source>
        <translation>매수</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="37"/>
        <source>매도 (sell)</source>
        <translation>매도</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="217"/>
        <source>Symbol</source>
        <translation>종목</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="222"/>
        <location filename="../../kisdesk/ui/order_review.py" line="89"/>
        <location filename="../../kisdesk/ui/order_review.py" line="225"/>
        <source>Side</source>
        <translation>매매구분</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="223"/>
        <location filename="../../kisdesk/ui/order_review.py" line="93"/>
        <location filename="../../kisdesk/ui/order_review.py" line="231"/>
        <source>Type</source>
        <translation>주문유형</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="227"/>
        <location filename="../../kisdesk/ui/order_review.py" line="96"/>
        <location filename="../../kisdesk/ui/order_review.py" line="234"/>
        <source>Price</source>
        <translation>주문가격</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="228"/>
        <location filename="../../kisdesk/ui/order_review.py" line="97"/>
        <location filename="../../kisdesk/ui/order_review.py" line="235"/>
        <source>Quantity</source>
        <translation>주문수량</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="229"/>
        <source>Buying power</source>
        <translation>매수가능금액</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="230"/>
        <location filename="../../kisdesk/ui/order_panel.py" line="526"/>
        <source>Max buyable</source>
        <translation>매수가능수량</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="231"/>
        <location filename="../../kisdesk/ui/order_review.py" line="98"/>
        <location filename="../../kisdesk/ui/order_review.py" line="236"/>
        <source>Amount</source>
        <translation>주문금액</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="518"/>
        <source>매수 주문 (Enter)</source>
        <translation>매수 주문 (Enter)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="520"/>
        <source>매도 주문 (Enter)</source>
        <translation>매도 주문 (Enter)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="528"/>
        <source>Sellable</source>
        <translation>매도가능수량</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/quote_header.py" line="58"/>
        <location filename="../../kisdesk/ui/quote_header.py" line="93"/>
        <source>loading…</source>
        <translation>조회 중…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/quote_header.py" line="72"/>
        <location filename="../../kisdesk/ui/quote_header.py" line="115"/>
        <source>Upper {upper} · Lower {lower}</source>
        <translation>상한가 {upper} · 하한가 {lower}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="581"/>
        <source>Cannot send: {reason}</source>
        <translation>전송 불가: {reason}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="587"/>
        <source>Not connected.</source>
        <translation>연결되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="589"/>
        <source>An order is being sent…</source>
        <translation>주문 전송 중…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="593"/>
        <source>The last order&apos;s answer was lost: checking whether it exists. Wait before sending another.</source>
        <translation>직전 주문의 응답을 받지 못해 접수 여부를 확인하고 있습니다. 확인이 끝난 뒤 다시 주문하세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="135"/>
        <source>≈ {amount} (at the upper limit)</source>
        <translation>≈ {amount} (상한가 기준)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="61"/>
        <source>The same order sent at {time} got no answer and was not found; it may still exist. Check open orders and executions: send again?</source>
        <translation>{time}에 보낸 같은 주문이 응답 없이 조회되지 않았습니다. 접수되었을 수 있으니 미체결과 체결내역을 확인하세요. 다시 보낼까요?</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="72"/>
        <location filename="../../kisdesk/ui/order_review.py" line="217"/>
        <source>{type} (about {current})</source>
        <translation>{type} (현재가 {current} 부근)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="76"/>
        <source>market (reserved at {upper})</source>
        <translation>시장가 (상한가 {upper} 기준으로 증거금 계산)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="79"/>
        <source>best price (reserved at {upper})</source>
        <translation>최유리/최우선 가격 (상한가 {upper} 기준으로 증거금 계산)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="90"/>
        <location filename="../../kisdesk/ui/order_review.py" line="226"/>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="91"/>
        <location filename="../../kisdesk/ui/order_review.py" line="227"/>
        <source>Code</source>
        <translation>종목코드</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="118"/>
        <source>Review order</source>
        <translation>주문 확인</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="174"/>
        <source>closed</source>
        <translation>장 마감</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="175"/>
        <source>pre-market</source>
        <translation>프리마켓</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="176"/>
        <source>regular session</source>
        <translation>정규장</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="177"/>
        <source>after-market</source>
        <translation>애프터마켓</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="178"/>
        <source>US daytime session (주간거래)</source>
        <translation>미국 주간거래</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="192"/>
        <source>≈ {krw} KRW</source>
        <translation>≈ {krw}원</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="228"/>
        <source>Market</source>
        <translation>시장</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="229"/>
        <location filename="../../kisdesk/ui/overseas_form.py" line="125"/>
        <source>Session</source>
        <translation>세션</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="237"/>
        <location filename="../../kisdesk/ui/overseas_form.py" line="124"/>
        <source>In won</source>
        <translation>원화 환산</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="693"/>
        <source>Not sent: check the order and press Enter again.</source>
        <translation>전송되지 않았습니다. 주문을 확인하고 Enter를 다시 누르세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="158"/>
        <source>{head}: rejected — {msg}</source>
        <translation>{head}: 거부 — {msg}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="162"/>
        <source>{head}: {state} · ODNO {odno} · {time}</source>
        <translation>{head}: {state} · 주문번호 {odno} · {time}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_form.py" line="102"/>
        <source>Ticker or name (AAPL, 애플, 7203, 텐센트)</source>
        <translation>종목코드 또는 이름 (AAPL, 애플, 7203, 텐센트)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_form.py" line="110"/>
        <source>Exchange</source>
        <translation>거래소</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_form.py" line="302"/>
        <source>Tick {tick}</source>
        <translation>호가단위 {tick}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_form.py" line="305"/>
        <source>Lot {lot}</source>
        <translation>매매단위 {lot}주</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_form.py" line="318"/>
        <source>Price ({ccy})</source>
        <translation>가격 ({ccy})</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_form.py" line="328"/>
        <source>not offered on paper</source>
        <translation>모의투자 미제공</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_form.py" line="348"/>
        <source>no exchange rate yet</source>
        <translation>환율 수신 전</translation>
    </message>
</context>
<context>
    <name>OrderRules</name>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="32"/>
        <source>Enter a symbol (code or name).</source>
        <translation>종목을 입력하세요 (종목코드 또는 종목명).</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="33"/>
        <source>No listed issue matches “{text}”.</source>
        <translation>“{text}”에 해당하는 상장 종목이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="34"/>
        <source>Listed issues matching “{text}”: {count}. Enter picks {pick}.</source>
        <translation>“{text}”에 맞는 종목 {count}개. Enter를 누르면 {pick} 선택.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="37"/>
        <source>Listed issues matching “{text}”: {count}. Press Down to choose one.</source>
        <translation>“{text}”에 맞는 종목 {count}개. 아래 화살표 키로 고르세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="40"/>
        <source>Waiting for the price of {code}…</source>
        <translation>{code} 시세 조회 중…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="41"/>
        <source>Trading in {code} is suspended.</source>
        <translation>{code} 종목은 거래정지 상태입니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="42"/>
        <source>Enter a price.</source>
        <translation>가격을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="43"/>
        <source>The price must be more than 0.</source>
        <translation>가격은 0보다 커야 합니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="44"/>
        <source>Not on the tick grid: {tick} won at this price ({below} or {above}).</source>
        <translation>호가단위에 맞지 않습니다. 이 가격대의 호가단위는 {tick}원입니다 ({below} 또는 {above}).</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="47"/>
        <source>Above the upper limit {upper}.</source>
        <translation>상한가 {upper}보다 높습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="48"/>
        <source>Below the lower limit {lower}.</source>
        <translation>하한가 {lower}보다 낮습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="49"/>
        <source>Enter a quantity.</source>
        <translation>수량을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="50"/>
        <source>The quantity must be more than 0.</source>
        <translation>수량은 0보다 커야 합니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="51"/>
        <source>The quantity is too large.</source>
        <translation>수량이 너무 큽니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="52"/>
        <source>More than the maximum buyable quantity ({max}).</source>
        <translation>매수가능수량({max})을 초과합니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="55"/>
        <source>More than the maximum buyable quantity ({max}): market orders are checked at the upper limit {upper}.</source>
        <translation>매수가능수량({max})을 초과합니다. 시장가 주문은 상한가 {upper} 기준으로 계산됩니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="60"/>
        <source>More than the sellable quantity ({max}).</source>
        <translation>매도가능수량({max})을 초과합니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="63"/>
        <source>Waiting for buying power…</source>
        <translation>매수가능금액 조회 중…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="64"/>
        <source>Waiting for the sellable quantity…</source>
        <translation>매도가능수량 조회 중…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="65"/>
        <source>{type} orders are not offered here.</source>
        <translation>{type} 주문은 지원하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="66"/>
        <source>More than the open quantity ({max}).</source>
        <translation>미체결수량({max})을 초과합니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="67"/>
        <source>The modified order needs {need} won; {cash} won is available for it.</source>
        <translation>정정 주문에 {need}원이 필요하지만 사용할 수 있는 금액은 {cash}원입니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="71"/>
        <source>The amount {amount} won is above your limit of {limit} won.</source>
        <translation>주문금액 {amount}원이 설정한 한도 {limit}원을 넘습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="74"/>
        <source>The price is {ticks} ticks away from the current price {current}.</source>
        <translation>주문가격이 현재가 {current}에서 {ticks}호가 떨어져 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="117"/>
        <source>{market} is closed now: orders are taken {hours} KST on weekdays.</source>
        <translation>{market} 시장은 지금 주문을 받지 않습니다: 평일 {hours}(한국시간)에 주문할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="120"/>
        <source>{code} is not traded in the US daytime session.</source>
        <translation>{code}은(는) 미국 주간거래 종목이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="123"/>
        <source>{type} orders are not offered on paper trading: limit orders only.</source>
        <translation>모의투자에서는 {type} 주문을 할 수 없습니다: 지정가만 가능합니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="126"/>
        <source>The US daytime session takes limit orders only, not {type}.</source>
        <translation>미국 주간거래는 지정가만 가능합니다({type} 불가).</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="129"/>
        <source>{type} orders are not offered for this side on {market}.</source>
        <translation>{market}에서는 이 매매구분으로 {type} 주문을 할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="132"/>
        <source>KIS takes no market orders for US shares: use a limit price, or an opening or closing auction type.</source>
        <translation>한국투자증권은 미국주식 시장가 주문을 받지 않습니다: 지정가나 장개시·장마감 주문을 이용하세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="137"/>
        <source>{market} takes limit orders only.</source>
        <translation>{market}은(는) 지정가 주문만 가능합니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="138"/>
        <source>Paper trading takes limit orders only.</source>
        <translation>모의투자는 지정가 주문만 가능합니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="139"/>
        <source>The US daytime session takes limit orders only.</source>
        <translation>미국 주간거래는 지정가 주문만 가능합니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="142"/>
        <source>Not on the tick grid: {tick} {currency} at this price ({below} or {above}).</source>
        <translation>호가단위가 맞지 않습니다: 이 가격의 호가단위는 {tick} {currency}입니다({below} 또는 {above}).</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="145"/>
        <source>This issue trades in lots of {lot} shares ({below} or {above}).</source>
        <translation>이 종목은 {lot}주 단위로 거래됩니다({below} 또는 {above}).</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="148"/>
        <source>An odd-lot order is for fewer shares than one lot ({lot}).</source>
        <translation>단주 주문은 한 단위({lot}주)보다 적은 수량만 가능합니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="151"/>
        <source>{market} orders can be cancelled but not modified.</source>
        <translation>{market} 주문은 취소만 가능하고 정정할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="154"/>
        <source>The amount {amount} {currency} (about {krw} won) is above your limit of {limit} won.</source>
        <translation>주문금액 {amount} {currency}(약 {krw}원)이(가) 설정한 한도 {limit}원을 넘습니다.</translation>
    </message>
</context>
<context>
    <name>OrderService</name>
    <message>
        <location filename="../../kisdesk/services/orders.py" line="170"/>
        <source>No answer from KIS: the order may exist. Checking today&apos;s orders; do not send it again.</source>
        <translation>한국투자증권의 응답이 없습니다. 주문이 접수되었을 수 있어 당일 주문을 조회하고 있습니다. 다시 보내지 마세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/orders.py" line="691"/>
        <source>Interrupted while sending</source>
        <translation>전송 중 중단됨</translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/orders.py" line="725"/>
        <source>Not found in today&apos;s orders after the checks. It may still appear: look at open orders and executions before sending it again.</source>
        <translation>확인 조회에서 당일 주문을 찾지 못했습니다. 늦게 나타날 수 있으니 다시 보내기 전에 미체결과 체결내역을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/orders.py" line="886"/>
        <source>Not sent: another order is on its way. Try again in a moment.</source>
        <translation>전송하지 않음: 다른 주문을 전송 중입니다. 잠시 후 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>OrderState</name>
    <message>
        <location filename="../../kisdesk/domain/order_state.py" line="50"/>
        <source>sending…</source>
        <translation>전송 중…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_state.py" line="51"/>
        <source>accepted</source>
        <translation>접수</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_state.py" line="52"/>
        <source>rejected</source>
        <translation>거부</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_state.py" line="53"/>
        <source>unknown — checking</source>
        <translation>확인 불가 — 조회 중</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_state.py" line="54"/>
        <source>not found — check open orders</source>
        <translation>확인되지 않음 — 미체결을 확인하세요</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_state.py" line="55"/>
        <source>partially filled</source>
        <translation>부분체결</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_state.py" line="56"/>
        <source>filled</source>
        <translation>체결</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_state.py" line="57"/>
        <source>cancelled</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>OrderType</name>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="67"/>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="80"/>
        <source>Limit</source>
        <translation>지정가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="68"/>
        <source>Market</source>
        <translation>시장가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="70"/>
        <source>Best price</source>
        <translation>최유리지정가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="73"/>
        <source>Top of book</source>
        <translation>최우선지정가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="75"/>
        <source>Limit IOC</source>
        <translation>IOC지정가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="76"/>
        <source>Limit FOK</source>
        <translation>FOK지정가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="77"/>
        <source>Market IOC</source>
        <translation>IOC시장가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="78"/>
        <source>Market FOK</source>
        <translation>FOK시장가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="80"/>
        <source>Best price IOC</source>
        <translation>IOC최유리</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="83"/>
        <source>Best price FOK</source>
        <translation>FOK최유리</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="81"/>
        <source>Market on open</source>
        <translation>장개시시장가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="82"/>
        <source>Limit on open</source>
        <translation>장개시지정가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="83"/>
        <source>Market on close</source>
        <translation>장마감시장가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="84"/>
        <source>Limit on close</source>
        <translation>장마감지정가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="85"/>
        <source>Odd-lot limit</source>
        <translation>단주지정가</translation>
    </message>
</context>
<context>
    <name>Overseas</name>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="54"/>
        <source>US stocks that also trade in the daytime session: during daytime hours KIS&apos;s API reports this value from the night session, so it can differ from the daytime price shown in the HTS.</source>
        <translation>주간거래도 되는 미국 주식입니다. 주간거래 시간에는 KIS API가 이 값을 야간 세션 기준으로 알려 주므로 HTS에 표시되는 주간 시세와 다를 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="100"/>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="106"/>
        <source>Code</source>
        <translation>종목코드</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="112"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="270"/>
        <source>Exchange</source>
        <translation>거래소</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="119"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="195"/>
        <source>Currency</source>
        <translation>통화</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="125"/>
        <source>Quantity</source>
        <translation>보유수량</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="131"/>
        <source>Orderable</source>
        <translation>주문가능</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="137"/>
        <source>Avg price</source>
        <translation>매입평균가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="143"/>
        <source>Price</source>
        <translation>현재가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="151"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="207"/>
        <source>Purchase amt</source>
        <translation>매입금액</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="157"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="212"/>
        <source>Eval amt</source>
        <translation>평가금액</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="164"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="217"/>
        <source>P&amp;L</source>
        <translation>평가손익</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="172"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="223"/>
        <source>Return %</source>
        <translation>수익률</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="180"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="233"/>
        <source>FX rate</source>
        <translation>환율</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="186"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="234"/>
        <source>Eval (KRW)</source>
        <translation>원화평가금액</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="198"/>
        <source>Exchanges</source>
        <translation>거래소</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="203"/>
        <source>Holdings</source>
        <translation>보유종목수</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="229"/>
        <source>Realized P&amp;L</source>
        <translation>실현손익</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="263"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="423"/>
        <source>All exchanges</source>
        <translation>전체 거래소</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="265"/>
        <source>Refresh</source>
        <translation>새로고침</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="308"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="446"/>
        <source>No overseas holdings</source>
        <translation>해외 보유 종목이 없습니다</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="244"/>
        <source>Loading overseas balance…</source>
        <translation>해외잔고 조회 중…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="247"/>
        <source>Not connected</source>
        <translation>연결되지 않음</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="329"/>
        <source>Loading overseas balance… {done} of {total} queries</source>
        <translation>해외잔고 조회 중… {total}건 중 {done}건</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="352"/>
        <source>Some exchanges could not be loaded: {parts}</source>
        <translation>일부 거래소를 불러오지 못했습니다: {parts}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="246"/>
        <source>Refresh failed: {msg}</source>
        <translation>새로고침 실패: {msg}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="245"/>
        <source>Could not load the overseas balance.
{msg}</source>
        <translation>해외잔고를 불러오지 못했습니다.
{msg}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="443"/>
        <source>No holdings on this exchange</source>
        <translation>이 거래소에는 보유 종목이 없습니다</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="471"/>
        <source>In won: purchase {purchase} · valuation {evaluation} · P&amp;L {pnl}{rate}</source>
        <translation>원화 환산: 매입금액 {purchase} · 평가금액 {evaluation} · 평가손익 {pnl}{rate}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="480"/>
        <source>exchange rates per currency are not offered here</source>
        <translation>통화별 환율은 제공되지 않습니다</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="486"/>
        <source>The won view is not available: {msg}</source>
        <translation>원화 환산을 조회할 수 없습니다: {msg}</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="45"/>
        <source>Preferences</source>
        <translation>환경설정</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="51"/>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="54"/>
        <source>Each refresh of the domestic balance costs one API call per page (50 rows on real, 20 on paper) out of 20 calls/s (real) or 2 calls/s (paper).</source>
        <translation>국내잔고를 새로고침할 때마다 페이지당 API 호출 1회를 씁니다 (실전 50행, 모의투자 20행). 호출 한도는 초당 20회(실전) 또는 2회(모의투자)입니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="60"/>
        <source>Auto refresh every</source>
        <translation>자동 새로고침 주기</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="63"/>
        <source>Korean (rise red, fall blue)</source>
        <translation>한국식 (상승 빨강, 하락 파랑)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="64"/>
        <source>Western (rise green, fall red)</source>
        <translation>서양식 (상승 초록, 하락 빨강)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="66"/>
        <source>Colours</source>
        <translation>시세 색상</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="69"/>
        <source>System</source>
        <translation>시스템 설정</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="73"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="76"/>
        <source>Pop up order notices (the notices log keeps them anyway)</source>
        <translation>주문 알림 팝업 표시 (알림 목록에는 항상 남습니다)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="82"/>
        <source>A language change applies at the next start.</source>
        <translation>언어 변경은 다음 실행 때 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="96"/>
        <source>General</source>
        <translation>일반</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="99"/>
        <source>Orders</source>
        <translation>주문</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="102"/>
        <source>Keys</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="111"/>
        <source>Review every order before it is sent</source>
        <translation>모든 주문을 전송 전에 확인</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="116"/>
        <source>Orders with real money are always confirmed.</source>
        <translation>실전투자 주문은 항상 확인 후 전송됩니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="121"/>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="126"/>
        <source>0 switches this check off</source>
        <translation>0이면 이 확인을 하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="122"/>
        <source>Ask again above (KRW)</source>
        <translation>재확인 주문금액 기준 (원)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="128"/>
        <source>Ask again beyond (ticks from price)</source>
        <translation>재확인 호가 기준 (현재가 대비 호가 수)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="130"/>
        <source>Send a hashkey with orders</source>
        <translation>주문 시 hashkey 함께 전송</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="133"/>
        <source>Optional at KIS today; each hashkey costs one API call.</source>
        <translation>현재 KIS에서는 선택 사항이며, hashkey마다 API 호출 1회를 씁니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="170"/>
        <source>Enter an amount in won, e.g. 20,000,000</source>
        <translation>원 단위 금액을 입력하세요 (예: 20,000,000)</translation>
    </message>
</context>
<context>
    <name>ProfileSession</name>
    <message>
        <location filename="../../kisdesk/services/profile_session.py" line="80"/>
        <source>No saved keys for this profile in the keyring.</source>
        <translation>키링에 이 프로필의 키가 저장되어 있지 않습니다.</translation>
    </message>
</context>
<context>
    <name>ProfilesMenu</name>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="41"/>
        <source>Demo</source>
        <translation>데모 계좌</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="103"/>
        <source>&amp;New profile…</source>
        <translation>새 프로필(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="105"/>
        <source>&amp;Edit profile…</source>
        <translation>프로필 편집(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="108"/>
        <source>&amp;Log out (revoke token)</source>
        <translation>로그아웃 (토큰 폐기)(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="112"/>
        <source>&amp;Forget profile</source>
        <translation>프로필 삭제(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="124"/>
        <source>Session only: nothing is saved (no secure keyring)</source>
        <translation>세션 전용: 아무것도 저장되지 않습니다 (보안 키링 없음)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="136"/>
        <source>Switch to {target}?

The current session ends and every table is cleared and reloaded.</source>
        <translation>{target}(으)로 전환하시겠습니까?

현재 세션이 종료되고 모든 표를 비운 뒤 다시 불러옵니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="142"/>
        <source>This is a REAL account: orders use real money.</source>
        <translation>실전투자 계좌입니다. 주문은 실제 자금으로 체결됩니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="146"/>
        <source>Switch profile</source>
        <translation>프로필 전환</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="190"/>
        <source>Log out</source>
        <translation>로그아웃</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="191"/>
        <source>Log out of {target}?

The access token is revoked at KIS; connecting again issues a new one (KIS sends a notice for each).</source>
        <translation>{target}에서 로그아웃하시겠습니까?

KIS에서 접근토큰이 폐기되며, 다시 접속하면 새 토큰이 발급됩니다 (KIS는 발급할 때마다 알림을 보냅니다).</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="200"/>
        <source>Forget {target}?

Its app key, secret, account number and cached tokens are deleted from the keyring. The account itself is not affected.</source>
        <translation>{target} 프로필을 삭제하시겠습니까?

앱키, 앱시크릿, 계좌번호와 저장된 접근토큰이 키링에서 삭제됩니다. 계좌 자체에는 영향이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="206"/>
        <source>It is the current profile: kisdesk switches to demo first.</source>
        <translation>현재 사용 중인 프로필입니다. kisdesk가 먼저 데모로 전환합니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="210"/>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="250"/>
        <source>Forget profile</source>
        <translation>프로필 삭제</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="251"/>
        <source>The profile was not forgotten: {msg}</source>
        <translation>프로필을 삭제하지 못했습니다: {msg}</translation>
    </message>
</context>
<context>
    <name>Rankings</name>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="79"/>
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="80"/>
        <source>Code</source>
        <translation>종목코드</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="81"/>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="82"/>
        <source>Price</source>
        <translation>현재가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="85"/>
        <source>Change</source>
        <translation>전일대비</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="91"/>
        <source>Change %</source>
        <translation>등락률</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="95"/>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="176"/>
        <source>Volume</source>
        <translation>거래량</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="103"/>
        <source>Loan shares</source>
        <translation>융자잔고 주수</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="105"/>
        <source>Loan amount</source>
        <translation>융자잔고 금액</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="107"/>
        <source>Loan ratio</source>
        <translation>융자잔고 비율</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="109"/>
        <source>Loan N-day change</source>
        <translation>융자 N일 증가율</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="112"/>
        <source>Stock-loan shares</source>
        <translation>대주잔고 주수</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="114"/>
        <source>Stock-loan amount</source>
        <translation>대주잔고 금액</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="116"/>
        <source>Stock-loan ratio</source>
        <translation>대주잔고 비율</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="118"/>
        <source>Stock-loan N-day change</source>
        <translation>대주 N일 증가율</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="127"/>
        <source>Prev. volume</source>
        <translation>전일거래량</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="128"/>
        <source>Avg volume</source>
        <translation>평균거래량</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="129"/>
        <source>Volume increase</source>
        <translation>거래량증가율</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="131"/>
        <source>Turnover</source>
        <translation>거래회전율</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="132"/>
        <source>Traded value</source>
        <translation>거래대금</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="139"/>
        <source>High</source>
        <translation>고가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="140"/>
        <source>Low</source>
        <translation>저가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="141"/>
        <source>vs open</source>
        <translation>시가대비</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="143"/>
        <source>Days up</source>
        <translation>연속상승일수</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="144"/>
        <source>Days down</source>
        <translation>연속하락일수</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="151"/>
        <source>Listed shares</source>
        <translation>상장주식수</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="152"/>
        <source>Market cap (100M KRW)</source>
        <translation>시가총액(억원)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="153"/>
        <source>Market share</source>
        <translation>시장비중</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="175"/>
        <source>Credit balance top</source>
        <translation>신용잔고 상위</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="177"/>
        <source>Top risers</source>
        <translation>상승률 상위</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="178"/>
        <source>Top fallers</source>
        <translation>하락률 상위</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="179"/>
        <source>Market cap</source>
        <translation>시가총액</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="188"/>
        <source>All markets</source>
        <translation>전체 시장</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="189"/>
        <source>KOSPI</source>
        <translation>코스피</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="190"/>
        <source>KOSDAQ</source>
        <translation>코스닥</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="191"/>
        <source>KOSPI 200</source>
        <translation>코스피200</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="200"/>
        <source>Enter the increase period in days ({low}–{high}).</source>
        <translation>증가 기간을 일 단위로 입력하세요 ({low}–{high}).</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="202"/>
        <source>The increase period must be from {low} to {high} days.</source>
        <translation>증가 기간은 {low}일에서 {high}일 사이여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="204"/>
        <source>The increase period must be a whole number of days, {low}–{high}.</source>
        <translation>증가 기간은 {low}–{high} 사이의 정수(일)여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="232"/>
        <source>Refresh failed: {msg}</source>
        <translation>새로고침 실패: {msg}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="256"/>
        <source>Sort</source>
        <translation>정렬</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="257"/>
        <source>Increase period (days)</source>
        <translation>증가 기간 (일)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="263"/>
        <source>FID_OPTION: days over which the balance change is measured, {low}–{high}</source>
        <translation>FID_OPTION: 잔고 증감을 계산하는 기간(일), {low}–{high}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="268"/>
        <source>Refresh</source>
        <translation>새로고침</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="274"/>
        <source>Market</source>
        <translation>시장</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="302"/>
        <source>No rows for this ranking</source>
        <translation>이 순위에 해당하는 종목이 없습니다</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="230"/>
        <source>Loading ranking…</source>
        <translation>순위 조회 중…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="233"/>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="499"/>
        <source>Not connected</source>
        <translation>연결되지 않음</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="320"/>
        <source>KIS does not offer rankings in paper trading (모의투자 미지원).
They can come from the real environment instead: with a real &quot;market data&quot; app key saved, quotes and rankings are read from real while trading stays on paper.</source>
        <translation>KIS는 모의투자에서 순위 조회를 제공하지 않습니다 (모의투자 미지원).
대신 실전투자에서 가져올 수 있습니다. 실전 &quot;시세 조회용&quot; 앱키를 저장하면 시세와 순위는 실전에서 읽고 주문은 모의투자로 유지됩니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="328"/>
        <source>Use a real market-data key…</source>
        <translation>실전 시세 조회용 키 사용…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="331"/>
        <source>Opens the profile&apos;s set-up: add a real app key and secret for market data. Orders stay on paper.</source>
        <translation>프로필 설정을 엽니다: 시세 조회용 실전 앱키와 앱시크릿을 추가하세요. 주문은 모의투자로 유지됩니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="231"/>
        <source>Could not load the ranking.
{msg}</source>
        <translation>순위를 불러오지 못했습니다.
{msg}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="526"/>
        <source>Base dates {start} – {end}</source>
        <translation>기준일 {start} – {end}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="533"/>
        <source>market data from the real environment</source>
        <translation>실전투자 시세</translation>
    </message>
</context>
<context>
    <name>RecordTableView</name>
    <message>
        <location filename="../../kisdesk/ui/table_view.py" line="63"/>
        <source>Filter…</source>
        <translation>필터…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/table_view.py" line="91"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/table_view.py" line="95"/>
        <source>Export to CSV…</source>
        <translation>CSV로 내보내기…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/table_view.py" line="163"/>
        <source>Export to CSV</source>
        <translation>CSV로 내보내기</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/table_view.py" line="165"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="62"/>
        <source>No secure keyring is available on this system (for example no Secret Service). kisdesk runs in session-only mode: profiles and keys are kept in memory until you quit, and nothing is saved to disk.</source>
        <translation>이 시스템에서는 보안 키링을 사용할 수 없습니다 (예: Secret Service 없음). kisdesk는 세션 전용 모드로 실행됩니다. 프로필과 키는 종료할 때까지 메모리에만 보관되며 디스크에는 아무것도 저장되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="119"/>
        <source>Edit profile</source>
        <translation>프로필 편집</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="121"/>
        <source>New profile</source>
        <translation>새 프로필</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="147"/>
        <source>e.g. My paper account</source>
        <translation>예: 내 모의투자 계좌</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="148"/>
        <source>Profile name</source>
        <translation>프로필 이름</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="152"/>
        <source>Paper trading (모의투자)</source>
        <translation>모의투자</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="153"/>
        <source>Real trading (실전투자)</source>
        <translation>실전투자</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="159"/>
        <source>Environment</source>
        <translation>접속환경</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="161"/>
        <source>Orders in this profile use real money.</source>
        <translation>이 프로필의 주문은 실제 자금으로 체결됩니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="170"/>
        <source>36 characters, from the KIS developer portal</source>
        <translation>36자, KIS Developers 포털에서 발급</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="172"/>
        <source>App key</source>
        <translation>앱키</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="174"/>
        <source>App secret</source>
        <translation>앱시크릿</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="184"/>
        <source>Account number</source>
        <translation>계좌번호</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="187"/>
        <source>Needed for execution notices</source>
        <translation>체결통보 수신에 필요</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="188"/>
        <source>HTS ID</source>
        <translation>HTS ID</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="191"/>
        <source>Market data keys (optional)</source>
        <translation>시세 조회용 키 (선택)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="194"/>
        <source>Paper trading does not offer rankings and some quotes. A real app key pair, used only for market data, fills them in. No orders are sent with it.</source>
        <translation>모의투자에서는 순위와 일부 시세를 제공하지 않습니다. 시세 조회에만 쓰는 실전 앱키·앱시크릿을 입력하면 이를 실전에서 가져옵니다. 이 키로는 주문을 전송하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="204"/>
        <source>Real app key</source>
        <translation>실전 앱키</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="208"/>
        <source>Real app secret</source>
        <translation>실전 앱시크릿</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="213"/>
        <source>&amp;Test connection</source>
        <translation>접속 테스트(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="215"/>
        <source>Issues an access token (KIS allows one a minute) and reads the balance</source>
        <translation>접근토큰을 발급받고(KIS는 1분에 1회 허용) 잔고를 조회합니다</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="272"/>
        <source>Reading the saved keys from the keyring… (it may ask you to unlock it)</source>
        <translation>키링에서 저장된 키를 읽는 중… (키링 잠금 해제를 요청할 수 있습니다)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="308"/>
        <source>Could not read the saved keys: {msg}</source>
        <translation>저장된 키를 읽지 못했습니다: {msg}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="289"/>
        <source>No keys for this profile in the keyring: enter them again.</source>
        <translation>키링에 이 프로필의 키가 없습니다. 다시 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="370"/>
        <source>Enter both the real app key and its secret, or neither.</source>
        <translation>실전 앱키와 앱시크릿을 모두 입력하거나 모두 비워 두세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="393"/>
        <source>ASCII only: full-width or other non-ASCII characters (such as ０-９ or Ａ-Ｚ) are not accepted here.</source>
        <translation>ASCII(반각) 문자만 입력하세요: 전각 문자(０-９, Ａ-Ｚ 등)나 그 밖의 비ASCII 문자는 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="401"/>
        <source>No spaces or invisible characters (ASCII letters, digits and symbols only): check what was pasted.</source>
        <translation>공백이나 보이지 않는 문자는 쓸 수 없습니다(ASCII 영문자, 숫자, 기호만): 붙여 넣은 내용을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="413"/>
        <source>8 digits, a dash, 2 digits</source>
        <translation>숫자 8자리, 대시(-), 숫자 2자리</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="416"/>
        <source>valid account number</source>
        <translation>올바른 계좌번호</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="420"/>
        <source>Account number: ASCII digits 0-9 only, not full-width digits (０-９).</source>
        <translation>계좌번호: 전각 숫자(０-９)가 아닌 ASCII 숫자 0-9만 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="425"/>
        <source>Account number: 8 digits, a dash, 2 digits</source>
        <translation>계좌번호: 숫자 8자리, 대시(-), 숫자 2자리</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="436"/>
        <source>Changed since the test: test the connection again.</source>
        <translation>테스트 후 변경되었습니다. 접속 테스트를 다시 하세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="469"/>
        <source>Correct the marked fields first: KIS accepts only ASCII there.</source>
        <translation>표시된 항목을 먼저 고치세요: 한국투자증권은 그 항목에 ASCII 문자만 받습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="473"/>
        <source>Fill in the app key, secret and account.</source>
        <translation>앱키, 앱시크릿, 계좌번호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="480"/>
        <source>Testing: access token, then balance…</source>
        <translation>테스트 중: 접근토큰 발급 후 잔고 조회…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kisdesk/ui/setup_dialog.py" line="518"/>
        <source>Connected: balance read, %n holding(s).</source>
        <translation>
            <numerusform>접속 성공: 잔고를 조회했습니다 (보유 종목 %n개).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="520"/>
        <source>Market-data keys work.</source>
        <translation>시세 조회용 키도 정상입니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="522"/>
        <source>You can save the profile.</source>
        <translation>프로필을 저장할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="526"/>
        <source>Market-data keys failed: {msg}</source>
        <translation>시세 조회용 키 확인 실패: {msg}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="533"/>
        <source>Connection failed: {msg}</source>
        <translation>접속 실패: {msg}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="543"/>
        <source>KIS issues one access token a minute: waiting {s} s…</source>
        <translation>KIS는 접근토큰을 1분에 1회 발급합니다. {s}초 대기 중…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="563"/>
        <source>Test the connection before saving.</source>
        <translation>저장하기 전에 접속 테스트를 하세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="569"/>
        <source>Choose a profile name that is not used yet.</source>
        <translation>아직 사용하지 않은 프로필 이름을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="576"/>
        <source>Saving to the keyring… (it may ask you to unlock it)</source>
        <translation>키링에 저장하는 중… (키링 잠금 해제를 요청할 수 있습니다)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="608"/>
        <source>Could not save: {msg}</source>
        <translation>저장하지 못했습니다: {msg}</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="18"/>
        <source>cannot reach the realtime server</source>
        <translation>실시간 서버에 연결할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="19"/>
        <source>the realtime connection was closed</source>
        <translation>실시간 연결이 끊겼습니다</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="20"/>
        <source>the realtime connection went silent</source>
        <translation>실시간 연결이 응답하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="21"/>
        <source>another program is using this app key&apos;s realtime connection</source>
        <translation>다른 프로그램이 이 앱키의 실시간 연결을 사용 중입니다</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="24"/>
        <source>the realtime server refused the approval key</source>
        <translation>실시간 서버가 접속키를 거부했습니다</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="39"/>
        <source>API calls in the last second / limit per second</source>
        <translation>최근 1초간 API 호출 수 / 초당 한도</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="57"/>
        <source>Account {acct}</source>
        <translation>계좌 {acct}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="62"/>
        <source>Connecting…</source>
        <translation>접속 중…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="63"/>
        <source>Connected</source>
        <translation>접속됨</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="64"/>
        <source>Connection problem</source>
        <translation>접속 오류</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="65"/>
        <source>Waiting for token limit</source>
        <translation>토큰 발급 제한 대기 중</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="75"/>
        <source>Updated {time}</source>
        <translation>{time} 갱신</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="79"/>
        <source>Session only: keys are not saved</source>
        <translation>세션 전용: 키가 저장되지 않습니다</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="98"/>
        <source>{used}/{capacity}</source>
        <translation>{used}/{capacity}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="102"/>
        <source> · polling {n}</source>
        <translation> · 조회 {n}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="107"/>
        <source>Realtime {used}</source>
        <translation>실시간 {used}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="109"/>
        <source>Realtime connecting…</source>
        <translation>실시간 연결 중…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="111"/>
        <source>Realtime reconnecting</source>
        <translation>실시간 재연결 중</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="113"/>
        <source>Realtime failed: {why}</source>
        <translation>실시간 실패: {why}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="116"/>
        <source>Realtime off</source>
        <translation>실시간 꺼짐</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="118"/>
        <source>Realtime unavailable</source>
        <translation>실시간 없음</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="124"/>
        <source>Realtime stream: registrations used / allowed per session; symbols it cannot carry are polled over REST.</source>
        <translation>실시간 시세: 사용 중인 등록 수 / 세션당 허용 수. 실시간으로 받지 못하는 종목은 REST로 조회합니다.</translation>
    </message>
</context>
<context>
    <name>Watchlist</name>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="67"/>
        <source>{seconds} s</source>
        <translation>{seconds}초</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="72"/>
        <source>live</source>
        <translation>실시간</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="74"/>
        <source>polled</source>
        <translation>조회</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="81"/>
        <source>Code</source>
        <translation>종목코드</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="82"/>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="83"/>
        <source>Price</source>
        <translation>현재가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="86"/>
        <source>Change</source>
        <translation>전일대비</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="90"/>
        <source>Change %</source>
        <translation>등락률</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="91"/>
        <source>Volume</source>
        <translation>거래량</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="94"/>
        <source>Strength</source>
        <translation>체결강도</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="97"/>
        <source>Bid</source>
        <translation>매수호가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="98"/>
        <source>Ask</source>
        <translation>매도호가</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="101"/>
        <source>Feed</source>
        <translation>수신</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="107"/>
        <source>Age</source>
        <translation>경과</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="191"/>
        <source>New…</source>
        <translation>새 그룹…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="192"/>
        <source>Rename…</source>
        <translation>이름 변경…</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="193"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="198"/>
        <source>Import HTS groups</source>
        <translation>HTS 관심그룹 가져오기</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="201"/>
        <source>Copies the watchlist groups kept on the KIS server for your HTS ID (real accounts only). Later changes here do not go back.</source>
        <translation>HTS ID로 서버에 저장된 관심종목 그룹을 복사해 옵니다 (실전 계좌만). 여기서 바꾼 내용은 HTS로 돌아가지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="211"/>
        <source>Groups</source>
        <translation>그룹</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="219"/>
        <source>Add a symbol: code, name or 초성, then Enter</source>
        <translation>종목 추가: 코드, 종목명 또는 초성 입력 후 Enter</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="226"/>
        <source>Fill from condition</source>
        <translation>조건검색으로 채우기</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="231"/>
        <location filename="../../kisdesk/ui/watchlist.py" line="612"/>
        <source>Condition search</source>
        <translation>조건검색</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="342"/>
        <source>Group name:</source>
        <translation>그룹 이름:</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="350"/>
        <location filename="../../kisdesk/ui/watchlist.py" line="409"/>
        <source>Group {n}</source>
        <translation>그룹 {n}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="351"/>
        <source>New group</source>
        <translation>새 그룹</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="363"/>
        <source>Rename group</source>
        <translation>그룹 이름 변경</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="371"/>
        <source>Delete group</source>
        <translation>그룹 삭제</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="372"/>
        <source>Delete the group {name} and its {n} symbols?</source>
        <translation>{name} 그룹과 종목 {n}개를 삭제할까요?</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="411"/>
        <source>{code} is already in this group.</source>
        <translation>{code}은(는) 이미 이 그룹에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="415"/>
        <source>A group holds at most {n} symbols.</source>
        <translation>한 그룹에는 최대 {n}종목까지 담을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="567"/>
        <source>Importing HTS groups</source>
        <translation>HTS 관심그룹 가져오기</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="589"/>
        <source>Imported {n} HTS groups (a copy).</source>
        <translation>HTS 관심그룹 {n}개를 복사해 왔습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="616"/>
        <source>No saved condition: load them from the HTS first.</source>
        <translation>저장된 조건이 없습니다: HTS [0110]에서 조건을 서버에 저장하세요.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="631"/>
        <source>{name}: {n} symbols.</source>
        <translation>{name}: {n}종목</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="640"/>
        <source>{what}: not connected.</source>
        <translation>{what}: 연결되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="644"/>
        <source>{what} is not offered in paper trading (모의투자 미지원).</source>
        <translation>{what}은(는) 모의투자에서 제공되지 않습니다 (모의투자 미지원).</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="651"/>
        <source>{what} needs your HTS ID (set it in the profile).</source>
        <translation>{what}에는 HTS ID가 필요합니다 (프로필에서 입력하세요).</translation>
    </message>
</context>
</TS>
