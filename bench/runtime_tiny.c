/* The smallest program an exec storm can run (built by the bench scripts with
 * `cc -nostdlib -static -O2`): no dynamic loader, no libc, no file opened; it exits 0 at once,
 * so the storm measures exec and the sensor, not the program. */
void _start(void)
{
	__asm__ volatile("mov $60, %eax\n\txor %edi, %edi\n\tsyscall");
}
